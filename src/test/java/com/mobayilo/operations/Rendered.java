package com.mobayilo.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code kubectl kustomize} renders for an overlay, parsed, with look-ups by kind and name. */
@SuppressWarnings("unchecked")
record Rendered(String text, List<Map<String, Object>> objects) {

    /** Renders {@code overlay} with Debian's kubectl (installed by .ci/run when missing), failing on any error it prints. */
    static Rendered kustomize(Path overlay) {
        try {
            var process = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(false).start();
            var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("kubectl kustomize " + overlay + ": " + err).isZero();
            var objects = new ArrayList<Map<String, Object>>();
            for (var document : new Yaml().loadAll(out)) {
                assertThat(document).as("a Kubernetes object in " + overlay).isInstanceOf(Map.class);
                objects.add((Map<String, Object>) document);
            }
            return new Rendered(out, objects);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("kubectl is needed to check the manifests (apt-get install kubectl)", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    static Map<String, Object> yaml(String text) {
        return new Yaml().load(text);
    }

    static Map<String, Object> map(Map<String, Object> object, String key) {
        return (Map<String, Object>) object.get(key);
    }

    static <T> List<T> list(Map<String, Object> object, String key) {
        var value = (List<T>) object.get(key);
        return value == null ? List.of() : value;
    }

    /** The ports of a NetworkPolicy rule, as written (names or numbers). */
    static List<String> ports(Map<String, Object> rule) {
        return Rendered.<Map<String, Object>>list(rule, "ports").stream().map(port -> String.valueOf(port.get("port"))).toList();
    }

    /** The namespaces a NetworkPolicy rule admits, by their {@code kubernetes.io/metadata.name} label. */
    static List<String> namespaces(Map<String, Object> rule) {
        return Rendered.<Map<String, Object>>list(rule, "from").stream().map(peer -> map(peer, "namespaceSelector"))
                .filter(selector -> selector != null)
                .map(selector -> String.valueOf(map(selector, "matchLabels").get("kubernetes.io/metadata.name"))).toList();
    }

    List<String> kinds() {
        return objects.stream().map(object -> (String) object.get("kind")).toList();
    }

    Map<String, Object> object(String kind, String name) {
        return objects.stream().filter(object -> kind.equals(object.get("kind")) && name.equals(map(object, "metadata").get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("No " + kind + " named " + name));
    }

    String namespace() {
        return (String) map(objects.stream().filter(object -> "Namespace".equals(object.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("No Namespace")), "metadata").get("name");
    }

    Map<String, Object> podSpec() {
        return map(map(map(object("Deployment", "mobayilo"), "spec"), "template"), "spec");
    }

    Map<String, Object> container() {
        return Rendered.<Map<String, Object>>list(podSpec(), "containers").getFirst();
    }

    /** The value of an environment variable set directly on the container. */
    String env(String name) {
        return Rendered.<Map<String, Object>>list(container(), "env").stream().filter(variable -> name.equals(variable.get("name")))
                .map(variable -> (String) variable.get("value")).findFirst().orElseThrow(() -> new AssertionError("No env " + name));
    }

    /** The Ingress's routes, as {@code path->service port name}. */
    List<String> backends(String ingress) {
        var rules = Rendered.<Map<String, Object>>list(map(object("Ingress", ingress), "spec"), "rules");
        return Rendered.<Map<String, Object>>list(map(rules.getFirst(), "http"), "paths").stream()
                .map(path -> path.get("path") + "->" + map(map(map(path, "backend"), "service"), "port").get("name")).toList();
    }
}
