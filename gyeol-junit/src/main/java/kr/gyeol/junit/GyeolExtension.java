package kr.gyeol.junit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test that asks for a {@link Gyeol} or a {@link GyeolPartner} a fresh
 * test-mode partner on this JVM's gateway ({@link GyeolSandbox#get()}); both parameters
 * of one test are the same partner. Use it through {@link GyeolTest}.
 */
public final class GyeolExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GyeolExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Gyeol.class || type == GyeolPartner.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // get and put rather than computeIfAbsent: the shop's JUnit may be any 5.x.
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Gyeol gyeol = store.get(Gyeol.class, Gyeol.class);
        if (gyeol == null) {
            gyeol = GyeolSandbox.get().newPartner();
            store.put(Gyeol.class, gyeol);
        }
        return parameter.getParameter().getType() == GyeolPartner.class ? gyeol.partner() : gyeol;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Gyeol gyeol = context.getStore(NAMESPACE).remove(Gyeol.class, Gyeol.class);
        if (gyeol != null) {
            gyeol.close();
        }
    }

}
