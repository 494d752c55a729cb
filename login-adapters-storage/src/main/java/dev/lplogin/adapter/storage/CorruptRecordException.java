package dev.lplogin.adapter.storage;

/**
 * A file (or another store's entry) that does not hold a well-formed record: torn, truncated, edited or not ours.
 * Checked, so that every reader decides what to do with it (move it aside, skip it). The message never contains the
 * content. Public for other stores that use the {@link SessionRecordFormat}.
 */
public final class CorruptRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param reason why the record is not well-formed, in words; never any of its content. There is no cause on
     *               purpose: a parser's exception may quote the content it choked on, and content holds secrets
     */
    public CorruptRecordException(String reason) {
        super(reason);
    }
}
