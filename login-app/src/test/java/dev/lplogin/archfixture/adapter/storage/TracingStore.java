package dev.lplogin.archfixture.adapter.storage;

/** Breaks the no-standard-streams rule: printStackTrace shows users a stack trace. */
public final class TracingStore {

    public void fail(RuntimeException e) {
        e.printStackTrace();
    }
}
