package com.mobayilo.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static com.mobayilo.testing.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every manifest in k8s/ parses, and what it says about Mobayilo matches the application: the container
 * ports are the servers' default ports, the probes answer 200 on a running app, and the ingress sends
 * webhooks, the API and actuator to the core and everything else to the UI.
 */
@SuppressWarnings("unchecked")
class KubernetesManifestsIntegrationTests {

    private static final Path K8S = Path.of("k8s");

    private static List<Map<String, Object>> documents;

    @BeforeAll
    static void parse() throws IOException {
        documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (var file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                for (var document : new Yaml().loadAll(Files.readString(file))) {
                    assertThat(document).as(file + " is a Kubernetes object").isInstanceOf(Map.class);
                    documents.add((Map<String, Object>) document);
                }
            }
        }
    }

    @Test
    void theKustomizationListsEveryManifestAndEveryListedFileExists() throws IOException {
        var kustomization = (Map<String, Object>) new Yaml().load(Files.readString(K8S.resolve("kustomization.yaml")));
        var resources = (List<String>) kustomization.get("resources");
        resources.forEach(resource -> assertThat(K8S.resolve(resource)).exists());
        try (var files = Files.list(K8S)) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> !name.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(resources);
        }
    }

    @Test
    void theDeploymentExposesBothServersOnTheirDefaultPorts() {
        var ports = container().get("ports");
        assertThat((List<Map<String, Object>>) ports).extracting(port -> port.get("name") + ":" + port.get("containerPort"))
                .containsExactlyInAnyOrder("ui:8080", "core:8081");
        var config = (Map<String, Object>) object("ConfigMap", "mobayilo-config").get("data");
        assertThat(config).containsEntry("MOBAYILO_UI_PORT", "8080").containsEntry("MOBAYILO_CORE_PORT", "8081");
    }

    @Test
    void everyProbeTargetsTheCorePortAndAnswersOnARunningApp() {
        var app = TestApp.shared();
        for (var probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            var httpGet = (Map<String, Object>) ((Map<String, Object>) container().get(probe)).get("httpGet");
            assertThat(httpGet.get("port")).as(probe).isEqualTo("core");
            assertThat(get(app.coreUrl() + httpGet.get("path")).statusCode()).as(probe + " " + httpGet.get("path")).isEqualTo(200);
        }
        var resources = (Map<String, Object>) container().get("resources");
        assertThat(resources).containsKeys("requests", "limits");
    }

    @Test
    void theIngressSendsWebhooksApiAndActuatorToTheCoreAndTheRestStickilyToTheUi() {
        assertThat(backends("mobayilo-core")).containsExactlyInAnyOrder("/webhooks->core", "/api->core", "/actuator->core");
        assertThat(backends("mobayilo-ui")).containsExactly("/->ui");
        var annotations = (Map<String, Object>) metadata(object("Ingress", "mobayilo-ui")).get("annotations");
        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie");
        var servicePorts = (List<Map<String, Object>>) ((Map<String, Object>) object("Service", "mobayilo").get("spec")).get("ports");
        assertThat(servicePorts).extracting(port -> port.get("name") + "->" + port.get("targetPort")).containsExactlyInAnyOrder("ui->ui", "core->core");
    }

    @Test
    void theClusterHasAutoscalingADisruptionBudgetAndADatabase() {
        assertThat(object("HorizontalPodAutoscaler", "mobayilo")).isNotNull();
        assertThat(object("PodDisruptionBudget", "mobayilo")).isNotNull();
        assertThat(object("Cluster", "mobayilo-db").get("apiVersion")).isEqualTo("postgresql.cnpg.io/v1");
    }

    @Test
    void theExampleSecretNamesEveryProviderCredential() {
        var secret = (Map<String, Object>) object("Secret", "mobayilo-secrets").get("stringData");
        assertThat(secret).containsKeys("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_KEY", "TWILIO_API_SECRET",
                "TWILIO_TWIML_APP_SID", "TWILIO_CALLER_ID", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET");
    }

    private static List<String> backends(String ingress) {
        var spec = (Map<String, Object>) object("Ingress", ingress).get("spec");
        var rules = (List<Map<String, Object>>) spec.get("rules");
        var http = (Map<String, Object>) rules.getFirst().get("http");
        return ((List<Map<String, Object>>) http.get("paths")).stream().map(path -> {
            var service = (Map<String, Object>) ((Map<String, Object>) path.get("backend")).get("service");
            return path.get("path") + "->" + ((Map<String, Object>) service.get("port")).get("name");
        }).toList();
    }

    private static Map<String, Object> container() {
        var spec = (Map<String, Object>) object("Deployment", "mobayilo").get("spec");
        var template = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        return ((List<Map<String, Object>>) template.get("containers")).getFirst();
    }

    private static Map<String, Object> object(String kind, String name) {
        return documents.stream()
                .filter(document -> kind.equals(document.get("kind")) && name.equals(metadata(document).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("No " + kind + " named " + name));
    }

    private static Map<String, Object> metadata(Map<String, Object> document) {
        return (Map<String, Object>) document.get("metadata");
    }
}
