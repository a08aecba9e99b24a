package com.mobayilo.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.mobayilo.testing.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overlays in k8s/ render with {@code kubectl kustomize}, and what they render is a deployment that can run and
 * is safe: pods that the kubelet accepts, no secret or sandbox switch from git, actuator off the Ingress, a liveness
 * probe that does not follow the database, memory that fits the limit, a pinned image, backups, enough database
 * connections, and network policies (issue 19). What the manifests assume of the app (ports, probe paths) is checked
 * against a running app.
 */
class KubernetesManifestsIntegrationTests {

    private static final Path K8S = Path.of("k8s");

    private static Rendered production;

    private static Rendered sandbox;

    private static TestApp app;

    @BeforeAll
    static void render() {
        production = Rendered.kustomize(K8S.resolve("overlays/production"));
        sandbox = Rendered.kustomize(K8S.resolve("overlays/sandbox"));
        app = TestApp.start("--MOBAYILO_MANAGEMENT_PORT=0");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theBaseListsEveryManifestInItsFolder() throws IOException {
        var kustomization = Rendered.yaml(Files.readString(K8S.resolve("base/kustomization.yaml")));
        List<String> resources = Rendered.list(kustomization, "resources");
        try (var files = Files.list(K8S.resolve("base"))) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> !name.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(resources);
        }
    }

    @Test
    void productionHasNoSecretFromGitAndCannotBeASandbox() {
        assertThat(production.kinds()).doesNotContain("Secret");
        assertThat(production.text()).doesNotContainIgnoringCase("replace-me").doesNotContain("MOBAYILO_SANDBOX_PUBLIC");
        assertThat(Rendered.map(production.object("ConfigMap", "mobayilo-config"), "data")).doesNotContainKey("MOBAYILO_SANDBOX_PUBLIC");
        var fromSecret = Rendered.<Map<String, Object>>list(production.container(), "envFrom").stream()
                .map(source -> Rendered.map(source, "secretRef")).filter(ref -> ref != null).toList();
        assertThat(fromSecret).singleElement().satisfies(ref -> {
            assertThat(ref.get("name")).isEqualTo("mobayilo-secrets");
            assertThat(ref.get("optional")).as("the pod waits for the real secret").isNotEqualTo(true);
        });

        assertThat(Rendered.map(sandbox.object("ConfigMap", "mobayilo-config"), "data")).containsEntry("MOBAYILO_SANDBOX_PUBLIC", "true");
        assertThat(sandbox.namespace()).isNotEqualTo(production.namespace());
        assertThat(sandbox.backends("mobayilo-core")).contains("/sandbox/carrier->core");
    }

    @Test
    void podsRunAsTheImagesNumericUserWithAReadOnlyRootAndNoPrivileges() throws IOException {
        var user = Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(Files.readString(Path.of("Dockerfile")));
        assertThat(user.find()).as("the Dockerfile's USER is numeric").isTrue();
        var pod = Rendered.map(production.podSpec(), "securityContext");
        assertThat(pod).containsEntry("runAsNonRoot", true)
                .containsEntry("runAsUser", Integer.parseInt(user.group(1)))
                .containsEntry("runAsGroup", Integer.parseInt(user.group(2)));
        assertThat(Integer.parseInt(user.group(1))).isPositive();

        var container = Rendered.map(production.container(), "securityContext");
        assertThat(container).containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false);
        assertThat(Rendered.list(Rendered.map(container, "capabilities"), "drop")).containsExactly("ALL");

        List<Map<String, Object>> mounts = Rendered.list(production.container(), "volumeMounts");
        assertThat(mounts).extracting(mount -> mount.get("mountPath")).contains("/tmp");
        List<Map<String, Object>> volumes = Rendered.list(production.podSpec(), "volumes");
        assertThat(volumes).allSatisfy(volume -> assertThat(volume).containsKey("emptyDir"));
    }

    @Test
    void actuatorIsOnTheManagementPortWhichNoIngressRoutesAndPrometheusScrapes() {
        var config = Rendered.map(production.object("ConfigMap", "mobayilo-config"), "data");
        List<Map<String, Object>> ports = Rendered.list(production.container(), "ports");
        assertThat(ports).extracting(port -> port.get("name") + ":" + port.get("containerPort"))
                .containsExactlyInAnyOrder("ui:" + config.get("MOBAYILO_UI_PORT"), "core:" + config.get("MOBAYILO_CORE_PORT"),
                        "management:" + config.get("MOBAYILO_MANAGEMENT_PORT"));

        assertThat(production.backends("mobayilo-core")).containsExactlyInAnyOrder("/webhooks->core", "/api->core");
        assertThat(production.backends("mobayilo-ui")).containsExactly("/->ui");
        assertThat(production.text()).doesNotContain("prometheus.io/scrape");

        var endpoint = Rendered.<Map<String, Object>>list(Rendered.map(production.object("PodMonitor", "mobayilo"), "spec"), "podMetricsEndpoints")
                .getFirst();
        assertThat(endpoint).containsEntry("port", "management");
        assertThat(get(app.managementUrl() + endpoint.get("path")).statusCode()).isEqualTo(200);
        assertThat(get(app.coreUrl() + endpoint.get("path")).statusCode()).as("not on the core port the Ingress routes").isNotEqualTo(200);
    }

    @Test
    void everyProbeAnswersOnTheManagementPortAndLivenessLeavesTheDatabaseOut() {
        for (var probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            var httpGet = Rendered.map(Rendered.map(production.container(), probe), "httpGet");
            assertThat(httpGet.get("port")).as(probe).isEqualTo("management");
            assertThat(get(app.managementUrl() + httpGet.get("path")).statusCode()).as(probe + " " + httpGet.get("path")).isEqualTo(200);
        }
        var liveness = Rendered.map(Rendered.map(production.container(), "livenessProbe"), "httpGet").get("path");
        assertThat(get(app.managementUrl() + liveness).body()).doesNotContain("r2dbc");
        var readiness = Rendered.map(Rendered.map(production.container(), "readinessProbe"), "httpGet").get("path");
        assertThat(get(app.managementUrl() + readiness).body()).contains("r2dbc");
    }

    @Test
    void theJvmsMemoryFitsTheContainersLimitWithRoomForWhatIsNotSized() {
        var resources = Rendered.map(production.container(), "resources");
        var limit = Memory.mebibytes((String) Rendered.map(resources, "limits").get("memory"));
        assertThat(Memory.mebibytes((String) Rendered.map(resources, "requests").get("memory"))).as("request = limit: no overcommit").isEqualTo(limit);
        var options = production.env("JAVA_TOOL_OPTIONS");
        assertThat(options).doesNotContain("MaxRAMPercentage");
        var sized = Memory.option(options, "-Xmx") + Memory.option(options, "-XX:MaxMetaspaceSize=")
                + Memory.option(options, "-XX:ReservedCodeCacheSize=") + Memory.option(options, "-XX:MaxDirectMemorySize=");
        // What the flags do not bound (threads, GC and class metadata structures, malloc), measured and written down in
        // docs/deployment.md ("Memory"); the limit must leave at least that much beside the sized areas.
        assertThat(limit - sized).as("MiB left for what is not sized").isGreaterThanOrEqualTo(Memory.UNSIZED_MIB);
    }

    @Test
    void theImageIsPinnedNeverLatest() {
        var image = (String) production.container().get("image");
        assertThat(image).matches(".+(:[0-9][\\w.-]*|@sha256:[0-9a-f]{64})").doesNotEndWith(":latest");
        assertThat((String) sandbox.container().get("image")).doesNotEndWith(":latest");
    }

    @Test
    void theDatabaseIsBackedUpWithRetentionAndHasConnectionsForEveryPodAtFullScale() throws IOException {
        var cluster = Rendered.map(production.object("Cluster", "mobayilo-db"), "spec");
        Map<String, Object> archiver = Rendered.<Map<String, Object>>list(cluster, "plugins").getFirst();
        assertThat(archiver).containsEntry("name", "barman-cloud.cloudnative-pg.io").containsEntry("isWALArchiver", true);
        var store = production.object("ObjectStore", (String) Rendered.map(archiver, "parameters").get("barmanObjectName"));
        assertThat((String) Rendered.map(store, "spec").get("retentionPolicy")).matches("\\d+[dwm]");
        var scheduled = Rendered.map(production.object("ScheduledBackup", "mobayilo-db-nightly"), "spec");
        assertThat(Rendered.map(scheduled, "cluster")).containsEntry("name", "mobayilo-db");
        assertThat(scheduled).containsEntry("method", "plugin");

        var properties = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        var perPod = Integer.parseInt(properties.getProperty("spring.r2dbc.pool.max-size")) + 1 /* LISTEN */ + 1 /* Flyway */;
        var pods = (Integer) Rendered.map(production.object("HorizontalPodAutoscaler", "mobayilo"), "spec").get("maxReplicas")
                + Integer.parseInt(String.valueOf(Rendered.map(Rendered.map(Rendered.map(production.object("Deployment", "mobayilo"), "spec"), "strategy"),
                        "rollingUpdate").get("maxSurge")));
        var maxConnections = Integer.parseInt((String) Rendered.map(Rendered.map(cluster, "postgresql"), "parameters").get("max_connections"));
        assertThat(maxConnections).as(pods + " pods × " + perPod + " connections + 10 for the operator and superusers")
                .isGreaterThanOrEqualTo(pods * perPod + 10);
    }

    @Test
    void networkPoliciesLetInOnlyTheIngressControllerAndPrometheusAndLetOutOnlyWhatTheAppNeeds() {
        var policy = Rendered.map(production.object("NetworkPolicy", "mobayilo"), "spec");
        assertThat(Rendered.<String>list(policy, "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        List<Map<String, Object>> ingress = Rendered.list(policy, "ingress");
        assertThat(ingress).extracting(rule -> Rendered.ports(rule) + "<-" + Rendered.namespaces(rule))
                .containsExactlyInAnyOrder("[ui, core]<-[ingress-nginx]", "[management]<-[monitoring]");
        List<Map<String, Object>> egress = Rendered.list(policy, "egress");
        assertThat(egress).extracting(Rendered::ports).contains(List.of("5432"), List.of("443", "587"));
        assertThat(production.object("NetworkPolicy", "mobayilo-db")).isNotNull();
    }
}
