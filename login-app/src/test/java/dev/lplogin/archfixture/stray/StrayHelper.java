package dev.lplogin.archfixture.stray;

/** Breaks the onion's completeness: a package in no layer and not the composition root, emulator or testkit. */
public final class StrayHelper {
    private StrayHelper() {
    }
}
