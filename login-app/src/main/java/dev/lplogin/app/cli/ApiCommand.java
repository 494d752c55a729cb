package dev.lplogin.app.cli;

import dev.lplogin.app.config.AppConfig;
import dev.lplogin.app.wiring.LoginComponent;
import dev.lplogin.calls.CallBody;
import dev.lplogin.calls.ServiceCall;
import dev.lplogin.domain.model.ServiceName;
import dev.lplogin.domain.model.SessionKey;
import dev.lplogin.domain.port.SessionListener;
import dev.lplogin.domain.usecase.LoginUseCase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lp-login api}: one request to a LivePerson service with the session's bearer, in the spirit of
 * {@code gh api}. The answer's body goes to stdout unchanged; a 401 is handled by the calls helper (one replay with
 * the next bearer); the bearer is never printed (docs/calls.md).
 */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = {"Send one request to a LivePerson service with the session's bearer; print the answer's body.",
                "SERVICE is a Domain API service name (accountConfigReadOnly, ...); PATH may hold {accountId}.",
                "Exit 0 for a 2xx answer; else 1 (the body still goes to stdout), 3 for a 401 after the replay."})
final class ApiCommand implements Callable<Integer> {

    /** The most a body read from stdin may hold: it is kept in memory so that a 401 can be replayed. */
    static final int STDIN_LIMIT = 16 * 1024 * 1024;

    @ParentCommand
    private LpLoginCommand root;

    @Mixin
    private SessionTargetOptions target;

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD",
            description = "HTTP method (default GET, or POST with --data).")
    private String method;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
            description = "Add a request header; repeatable. Not Authorization or Host: the call sets them.")
    private List<String> headers = new ArrayList<>();

    @Option(names = {"-d", "--data"}, paramLabel = "STRING|@FILE|@-",
            description = "Request body: the text, a file's bytes, or standard input (read whole).")
    private String data;

    @Option(names = {"-i", "--include"}, description = "Print the status line and answer headers before the body.")
    private boolean include;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "Domain API service name, e.g. accountConfigReadOnly.")
    private String service;

    @Parameters(index = "1", paramLabel = "PATH",
            description = "Path and query, e.g. '/api/account/{accountId}/configuration/le-users/skills?v=2.0'.")
    private String path;

    @Override
    public Integer call() throws IOException {
        ServiceName serviceName = ServiceName.of(service);
        CallBody body = body();
        String verb = (method == null ? (data == null ? "GET" : "POST") : method).toUpperCase(Locale.ROOT);
        AppConfig config = root.config(target.account, target.user);
        LoginComponent app = root.component(config, LpLoginCommand.oneShot(), SessionListener.NONE);
        try (LoginUseCase core = app.loginUseCase()) {
            SessionKey key = Sessions.target(root, config, core);
            ServiceCall call = new ServiceCall(key, serviceName, verb, path.startsWith("/") ? path : "/" + path,
                    parsedHeaders(), body);
            HttpResponse<InputStream> answer = app.livePersonCalls().send(call, BodyHandlers.ofInputStream());
            print(answer);
            return exitCode(answer.statusCode(), serviceName);
        }
    }

    /** The body of {@code --data}: every form is replayable (stdin is read whole first). */
    private CallBody body() {
        if (data == null) {
            return CallBody.none();
        }
        if (data.equals("@-")) {
            return CallBody.ofBytes(root.terminal().allOfStdin(STDIN_LIMIT));
        }
        if (data.startsWith("@")) {
            try {
                return CallBody.ofFile(Path.of(data.substring(1)));
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage(), "give --data @FILE an existing file, or @- for stdin");
            }
        }
        return CallBody.ofString(data);
    }

    private List<ServiceCall.Header> parsedHeaders() {
        List<ServiceCall.Header> parsed = new ArrayList<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw CliException.usage("-H needs 'NAME: VALUE', got a header without a name or colon",
                        "e.g. -H 'Content-Type: application/json'");
            }
            parsed.add(new ServiceCall.Header(header.substring(0, colon).strip(), header.substring(colon + 1).strip()));
        }
        return parsed;
    }

    /** The status line and headers with {@code --include}, then the body, byte for byte. */
    private void print(HttpResponse<InputStream> answer) throws IOException {
        OutputStream stdout = root.stdoutBytes();
        try (InputStream in = answer.body()) {
            if (include) {
                StringBuilder head = new StringBuilder("HTTP/1.1 ").append(answer.statusCode()).append("\r\n");
                answer.headers().map().forEach((name, values) -> values.forEach(
                        value -> head.append(name).append(": ").append(value).append("\r\n")));
                stdout.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            }
            in.transferTo(stdout);
            stdout.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** 0 for 2xx; 3 for a 401 after the replay (the service refuses even a new bearer); 1 for any other status. */
    private int exitCode(int status, ServiceName serviceName) {
        if (status >= 200 && status < 300) {
            return ExitCode.OK.code();
        }
        CliException failure = status == 401
                ? new CliException(ExitCode.CREDENTIALS_REJECTED, serviceName + " answered HTTP 401 again after a "
                        + "new bearer: the service does not accept this session", null)
                : new CliException(ExitCode.FAILURE, serviceName + " answered HTTP " + status, null);
        root.output().error(failure);
        return failure.exitCode().code();
    }
}
