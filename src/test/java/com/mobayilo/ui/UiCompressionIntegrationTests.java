package com.mobayilo.ui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI server gzips its text answers; the core's answers stay as they were (docs/decisions/0029-page-weight-budget.md). */
class UiCompressionIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theUiSendsLumosStyleSheetGzipped() throws Exception {
        var response = get(TestApp.shared().uiUrl() + "/lumo/lumo.css");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.body().length).isLessThan(100 * 1024);
    }

    @Test
    void theCoreDoesNotCompressItsAnswers() throws Exception {
        var response = get(TestApp.shared().coreUrl() + "/api/v1/rates?number=%2B243812345678");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
