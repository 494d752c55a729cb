/** picocli (info.picocli), compiled from its sources for Java 21; the same descriptor as picocli's own jar. */
module info.picocli {
    requires static java.sql;

    exports picocli;
}
