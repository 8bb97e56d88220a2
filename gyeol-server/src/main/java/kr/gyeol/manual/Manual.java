package kr.gyeol.manual;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.node.Code;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The manual's pages, read once from the jar ({@code manual/README.md} and
 * {@code manual/docs/*.md}) and rendered to HTML: links between pages lead to
 * {@code /docs/<page>}, headings carry GitHub's anchors, so a link written for the
 * repository works on the gateway too.
 */
@Service
public class Manual {

    /** A rendered page: its title (its first heading) and its HTML. */
    public record Page(String name, String title, String html) {
    }

    private static final Pattern MARKDOWN_LINK = Pattern.compile("^(?:docs/)?([a-z0-9-]+)\\.md(#.*)?$");

    private static final Pattern IMAGE = Pattern.compile("^(?:docs/)?([a-z0-9-]+\\.png)$");

    /** Every page rendered, and every picture. */
    private record Contents(Map<String, Page> pages, Map<String, byte[]> images) {
    }

    /**
     * Read and rendered at the first request for the manual, not at start-up: about 0.3 s
     * that every gateway start (a test kit's among them) would pay for pages few read.
     */
    private volatile Contents contents;

    /** The page of that name ({@code index} for the README), if there is one. */
    public Optional<Page> page(String name) {
        return Optional.ofNullable(contents().pages().get(name));
    }

    /** An image of the manual, by its file name. */
    public Optional<byte[]> image(String name) {
        return Optional.ofNullable(contents().images().get(name));
    }

    private Contents contents() {
        Contents read = this.contents;
        if (read == null) {
            synchronized (this) {
                read = this.contents;
                if (read == null) {
                    read = load();
                    this.contents = read;
                }
            }
        }
        return read;
    }

    private static Contents load() {
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        Map<String, Page> rendered = new LinkedHashMap<>();
        Map<String, byte[]> pictures = new HashMap<>();
        try {
            PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
            rendered.put("index", render("index", read(resources.getResource("classpath:manual/README.md")), parser));
            for (Resource page : resources.getResources("classpath:manual/docs/*.md")) {
                String name = page.getFilename().substring(0, page.getFilename().length() - 3);
                rendered.put(name, render(name, read(page), parser));
            }
            for (Resource picture : resources.getResources("classpath:manual/docs/*.png")) {
                try (InputStream in = picture.getInputStream()) {
                    pictures.put(picture.getFilename(), in.readAllBytes());
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The manual is missing from the jar", ex);
        }
        return new Contents(Map.copyOf(rendered), Map.copyOf(pictures));
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Page render(String name, String markdown, Parser parser) {
        Node document = parser.parse(markdown);
        String[] title = { name };
        Map<String, Integer> seen = new HashMap<>();
        Map<Node, String> ids = new IdentityHashMap<>();
        document.accept(new AbstractVisitor() {

            @Override
            public void visit(Heading heading) {
                String text = plainText(heading);
                if (heading.getLevel() == 1 && title[0].equals(name)) {
                    title[0] = text;
                }
                String slug = slug(text);
                int count = seen.merge(slug, 1, Integer::sum);
                ids.put(heading, count == 1 ? slug : slug + "-" + (count - 1));
                visitChildren(heading);
            }

            @Override
            public void visit(Link link) {
                link.setDestination(destination(link.getDestination()));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                image.setDestination(destination(image.getDestination()));
                visitChildren(image);
            }

        });
        HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create()))
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory((context) -> (node, tag, attributes) -> {
                String id = ids.get(node);
                if (id != null) {
                    attributes.put("id", id);
                }
            })
            .build();
        return new Page(name, title[0], renderer.render(document));
    }

    /** Where a link of the repository's Markdown leads on the gateway. */
    static String destination(String destination) {
        if (destination.equals("docs/openapi.json") || destination.equals("openapi.json")) {
            // The copy in docs/ of what the gateway serves itself.
            return "/v1/openapi.json";
        }
        Matcher page = MARKDOWN_LINK.matcher(destination);
        if (page.matches()) {
            return "/docs/" + page.group(1) + (page.group(2) == null ? "" : page.group(2));
        }
        Matcher picture = IMAGE.matcher(destination);
        if (picture.matches()) {
            return "/docs/" + picture.group(1);
        }
        return destination;
    }

    /** GitHub's anchor of a heading's text. */
    static String slug(String heading) {
        return heading.strip()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
            .replace(' ', '-');
    }

    private static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {

            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

        });
        return text.toString();
    }

}
