package dev.lplogin.archfixture.app.cli;

import java.net.http.HttpResponse;

/** Obeys every rule: a command printing an answer the calls helper got (the JDK client's answer type). */
public final class AnswerPrintingCommand {

    public String print(HttpResponse<String> answer) {
        return answer.statusCode() + " " + answer.body();
    }
}
