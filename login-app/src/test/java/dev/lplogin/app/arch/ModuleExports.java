package dev.lplogin.app.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.util.Optional;

/** Reads which packages a class's module exports, from the {@code module-info.class} next to the class file. */
final class ModuleExports {

    private ModuleExports() {
    }

    /**
     * Whether the package of {@code javaClass} is exported (to anyone) by the module it was compiled into. Code
     * without a module descriptor lives on the class path, where every package is visible, so it counts as exported.
     */
    static boolean isExported(JavaClass javaClass) {
        return descriptorOf(javaClass)
                .map(module -> module.exports().stream().anyMatch(e -> e.source().equals(javaClass.getPackageName())))
                .orElse(true);
    }

    /** The descriptor of the jar or class directory {@code javaClass} was imported from, if it has one. */
    static Optional<ModuleDescriptor> descriptorOf(JavaClass javaClass) {
        String classFile = javaClass.getSource().orElseThrow().getUri().toString();
        String relativePath = javaClass.getName().replace('.', '/') + ".class";
        if (!classFile.endsWith(relativePath)) {
            return Optional.empty();
        }
        String classesRoot = classFile.substring(0, classFile.length() - relativePath.length());
        URI moduleInfo = URI.create(classesRoot + "module-info.class");
        try (InputStream in = moduleInfo.toURL().openStream()) {
            return Optional.of(ModuleDescriptor.read(in));
        } catch (IOException noDescriptor) {
            return Optional.empty();
        }
    }
}
