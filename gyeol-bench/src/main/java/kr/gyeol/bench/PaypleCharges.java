package kr.gyeol.bench;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.gyeol.protocol.Fields;
import kr.gyeol.protocol.ResponseCode;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One billing-key charge as Payple documents it: {@code auth.php} for a one-time
 * envelope, then {@code SimplePayCardAct} at the {@code return_url} it names. Pooled
 * keep-alive connections, one per client.
 *
 * <p>
 * The load generator shares the machine's cores with the gateway and PostgreSQL, so it
 * should cost as little as it can: {@code gyeol-client} on the JDK's HttpClient took
 * about three times the CPU of this loop for the same charges, and the gateway's
 * throughput fell with it.
 */
final class PaypleCharges implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String REFERER = "http://localhost:8080";

    private final List<URI> bases;

    private final Map<String, String> credentials;

    private final CloseableHttpClient http;

    PaypleCharges(List<String> bases, String partner, String partnerKey, int connections) {
        this.bases = bases.stream().map(URI::create).toList();
        this.credentials = Map.of(Fields.AUTH_CST_ID, partner, Fields.AUTH_CUST_KEY, partnerKey);
        this.http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10)).build())
                .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .build();
    }

    /**
     * Charges 1,000원 to a card billing key: client {@code client} authenticates at node
     * {@code client % nodes} and charges at the next node.
     * @return whether the charge was approved
     */
    boolean charge(int client, String billingKey, String orderId) throws IOException {
        Map<String, String> authBody = new LinkedHashMap<>(this.credentials);
        authBody.put(Fields.PAY_TYPE, "card");
        authBody.put(Fields.SIMPLE_FLAG, "Y");
        JsonNode envelope = post(this.bases.get(client % this.bases.size()).resolve("/php/auth.php"), authBody);
        if (!"success".equals(envelope.path(Fields.AUTH_RESULT).asString())) {
            return false;
        }
        Map<String, String> charge = new LinkedHashMap<>();
        charge.put(Fields.CST_ID, envelope.path(Fields.AUTH_CST_ID).asString());
        charge.put(Fields.CUST_KEY, envelope.path(Fields.AUTH_CUST_KEY).asString());
        charge.put(Fields.AUTH_KEY_FIELD, envelope.path(Fields.AUTH_KEY).asString());
        charge.put(Fields.PAY_TYPE, "card");
        charge.put(Fields.PAYER_ID, billingKey);
        charge.put(Fields.PAY_GOODS, "bench");
        charge.put(Fields.PAY_TOTAL, "1000");
        charge.put(Fields.PAY_OID, orderId);
        URI returnUrl = URI.create(envelope.path(Fields.RETURN_URL).asString());
        URI chargeNode = this.bases.get((client + 1) % this.bases.size());
        JsonNode answer = post(chargeNode
            .resolve(returnUrl.getRawPath() + (returnUrl.getRawQuery() == null ? "" : "?" + returnUrl.getRawQuery())),
                charge);
        return ResponseCode.SPCD0000.code().equals(answer.path(Fields.PAY_CODE).asString());
    }

    /**
     * The floor of a Payple request on the gateway: {@code auth.php} with no credentials,
     * which it refuses ({@code AUTH0002}) before anything touches the database.
     * @return whether it was refused as expected
     */
    boolean refusal(int client) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put(Fields.PAY_TYPE, "card");
        body.put(Fields.SIMPLE_FLAG, "Y");
        JsonNode answer = post(this.bases.get(client % this.bases.size()).resolve("/php/auth.php"), body);
        return "error".equals(answer.path(Fields.AUTH_RESULT).asString());
    }

    private JsonNode post(URI uri, Map<String, String> body) throws IOException {
        return this.http.execute(ClassicRequestBuilder.post(uri)
            .addHeader("Referer", REFERER)
            .setEntity(JSON.writeValueAsString(body), ContentType.APPLICATION_JSON)
            .build(), (response) -> JSON.readTree(EntityUtils.toString(response.getEntity())));
    }

    @Override
    public void close() throws IOException {
        this.http.close();
    }

}
