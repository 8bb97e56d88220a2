package kr.gyeol.junit;

/**
 * A test JVM that starts its gateway and then halts, as a build tool that gives up on a
 * JVM does: no shutdown hook runs. Prints the gateway's base URL and temporary folder.
 */
public final class HaltingJvm {

    private HaltingJvm() {
    }

    public static void main(String[] args) {
        GyeolSandbox sandbox = GyeolSandbox.get();
        System.out.println("BASE " + sandbox.baseUrl());
        System.out.println("HOME " + sandbox.log().getParent());
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

}
