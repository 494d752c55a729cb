package dev.lplogin.emulator;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A method and path pattern with its handler. {@code endpoint} is empty for admin routes, which are neither
 * counted in stats nor subject to faults.
 */
record Route(Optional<Endpoint> endpoint, String method, Pattern path, Handler handler) {

    static Route of(Endpoint endpoint, String method, String pathRegex, Handler handler) {
        return new Route(Optional.of(endpoint), method, Pattern.compile(pathRegex), handler);
    }

    static Route admin(String method, String pathRegex, Handler handler) {
        return new Route(Optional.empty(), method, Pattern.compile(pathRegex), handler);
    }
}
