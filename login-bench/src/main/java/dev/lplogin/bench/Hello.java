package dev.lplogin.bench;

/** The JVM floor of the CLI benchmark: prints one line, like {@code lp-login token}, and exits. */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
