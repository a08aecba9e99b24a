# syntax=docker/dockerfile:1
# Mobayilo: one image, two servers (Vaadin UI on 8080, WebFlux core on 8081).

# --- Build: the production profile compiles the frontend and packages one executable jar ---------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
RUN apt-get update && apt-get install -y --no-install-recommends npm && rm -rf /var/lib/apt/lists/*
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline || true
COPY src src
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -Pproduction -DskipTests package \
 && java -Djarmode=tools -jar target/mobayilo.jar extract --layers --destination target/extracted

# --- Run: a Java 25 JRE, layered for small updates, as a non-root user --------------------------------
FROM eclipse-temurin:25-jre
# A numeric UID and GID (10001), so that Kubernetes can check runAsNonRoot against the image (k8s/base/deployment.yaml).
RUN groupadd --system --gid 10001 mobayilo \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin mobayilo \
 && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /build/target/extracted/dependencies/ ./
COPY --from=build /build/target/extracted/spring-boot-loader/ ./
COPY --from=build /build/target/extracted/snapshot-dependencies/ ./
COPY --from=build /build/target/extracted/application/ ./
RUN mkdir -p /app/.data && chown -R 10001:10001 /app
USER 10001:10001
# One training start on a throwaway embedded database writes the JVM's AOT cache, which halves every later start
# (docs/decisions/0020-aot-cache.md). If the training cannot run, the image still works: the JVM starts without
# a cache it cannot find.
RUN MOBAYILO_UI_PORT=18080 MOBAYILO_CORE_PORT=18081 java -XX:AOTCacheOutput=/app/mobayilo.aot -jar /app/mobayilo.jar \
      --mobayilo.training-run=true --mobayilo.database.embedded.data-dir=/tmp/training-db --logging.level.root=warn \
    || echo "No AOT cache: Mobayilo will start without one"; rm -rf /tmp/training-db
# Outside Kubernetes the heap is a share of the container's memory; k8s/base/deployment.yaml sets sizes measured for
# its limit instead (docs/deployment.md, "Memory").
ENV MOBAYILO_UI_PORT=8080 \
    MOBAYILO_CORE_PORT=8081 \
    MOBAYILO_MANAGEMENT_PORT=8082 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080 8081 8082
HEALTHCHECK --interval=15s --timeout=3s --start-period=40s --retries=3 \
  CMD curl -fsS http://localhost:${MOBAYILO_MANAGEMENT_PORT}/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:AOTCache=/app/mobayilo.aot", "-jar", "/app/mobayilo.jar"]
