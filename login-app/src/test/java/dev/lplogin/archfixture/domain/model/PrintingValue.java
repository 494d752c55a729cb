package dev.lplogin.archfixture.domain.model;

/** Breaks the no-standard-streams rule: a domain value writing to the terminal. */
public record PrintingValue(String text) {
    public void show() {
        System.out.println(text);
    }
}
