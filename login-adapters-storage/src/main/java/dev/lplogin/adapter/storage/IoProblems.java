package dev.lplogin.adapter.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says what went wrong with a file in words a user reads ("permission denied: /x"), not with the JDK's exception
 * class: store messages reach the command line's one-line errors. The exception itself stays the cause, for
 * {@code --verbose}.
 */
final class IoProblems {

    private IoProblems() {
    }

    static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException f -> "no such file or directory: " + f.getFile();
            case AccessDeniedException f -> "permission denied: " + f.getFile();
            case FileAlreadyExistsException f -> "already exists: " + f.getFile();
            case NotDirectoryException f -> "not a directory: " + f.getFile();
            case DirectoryNotEmptyException f -> "directory not empty: " + f.getFile();
            case FileSystemException f -> (f.getReason() == null ? "file system error" : f.getReason())
                    + (f.getFile() == null ? "" : ": " + f.getFile());
            default -> e.getMessage() == null || e.getMessage().isBlank() ? "an input/output error" : e.getMessage();
        };
    }
}
