# Images of this project, all from one file:
#   runtime  (default, last stage) — what ECS runs: java @/app/jvm.options -jar /app/tasks.jar TASK [options]
#   launcher — the operator's CLI and task-definitions/ for the docker-compose `run_task` service
#
# Where the jars come from is a build-arg:
#   JARS=build     (default) a Maven build stage compiles them from source inside the build
#   JARS=prebuilt  copies tasks/target/{tasks.jar,jvm.options} and launcher/target/launcher.jar built
#                  on the host beforehand (for builders without registry access, e.g. podman with
#                  --network none; see docs/delivery.md)
# Base images are build-args so a builder without Docker Hub access can pass locally made ones.
#
#   docker build --build-arg GIT_SHA="$(git rev-parse HEAD)" -t runtask-tasks .
#   docker build --target launcher -t runtask-launcher .

ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre
ARG JARS=build

# ---- jars built from source -------------------------------------------------------------------
FROM ${BUILD_IMAGE} AS jars-build
WORKDIR /src
COPY pom.xml ./
COPY task-runtime/ task-runtime/
COPY test-support/ test-support/
COPY tasks/ tasks/
COPY launcher/ launcher/
# Host build output may be in the context for the prebuilt option; never mix it into this build.
RUN rm -rf ./*/target
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl tasks,launcher -am package -DskipTests \
 && mkdir -p /out \
 && cp tasks/target/tasks.jar tasks/target/jvm.options launcher/target/launcher.jar /out/

# ---- jars built on the host -------------------------------------------------------------------
FROM scratch AS jars-prebuilt
# launcher.ja[r]: the runtime target needs only tasks.jar, so a missing launcher.jar is no error here.
COPY tasks/target/tasks.jar tasks/target/jvm.options launcher/target/launcher.ja[r] /out/

# ---- the selected jars ------------------------------------------------------------------------
FROM jars-${JARS} AS jars

# ---- launcher image for the run_task service --------------------------------------------------
FROM ${RUNTIME_IMAGE} AS launcher
ARG GIT_SHA=unknown
LABEL org.opencontainers.image.title="runtask-launcher" \
      org.opencontainers.image.revision="${GIT_SHA}"
RUN groupadd --gid 10001 app \
 && useradd --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app \
 && mkdir -p /app \
 && chown app:app /app
WORKDIR /app
# UTF-8 output (the launcher prints '—' and '→'); minimal base images default to ASCII.
ENV LANG=C.UTF-8
COPY --from=jars /out/launcher.jar /app/launcher.jar
# `-e local` runs tasks/target/tasks.jar in a child JVM, as it does from the repository root.
COPY --from=jars /out/tasks.jar /out/jvm.options /app/tasks/target/
COPY task-definitions/ /app/task-definitions/
USER 10001:10001
# The service only has to stay up: operators run the launcher through `docker compose exec`.
CMD ["sleep", "infinity"]

# ---- runtime image: what ECS runs (default target) --------------------------------------------
FROM ${RUNTIME_IMAGE} AS runtime
ARG GIT_SHA=unknown
LABEL org.opencontainers.image.title="runtask" \
      org.opencontainers.image.description="Runs the team's tasks: TASK [options] as the container command" \
      org.opencontainers.image.revision="${GIT_SHA}"
# Jars stay root-owned and read-only for the task; /app itself is writable for the embedded
# default database under /app/.local when no RUNTASK_DB_URL is set.
RUN groupadd --gid 10001 app \
 && useradd --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app \
 && mkdir -p /app \
 && chown app:app /app
WORKDIR /app
ENV LANG=C.UTF-8
COPY --from=jars /out/tasks.jar /app/
COPY --from=jars /out/jvm.options /tmp/jvm.options.build
# jvm.options as the build wrote it, with the AppCDS archive at /app/tasks.jsa. The archive is made
# here, by this image's own JVM (an archive from another JVM build is ignored), from a hello-world
# run like the build's own training run; its execution records (.local/ in /tmp) are dropped.
RUN sed -e 's|^-XX:SharedArchiveFile=.*|-XX:SharedArchiveFile=/app/tasks.jsa|' /tmp/jvm.options.build >/app/jvm.options \
 && rm /tmp/jvm.options.build \
 && cd /tmp \
 && java -XX:ArchiveClassesAtExit=/app/tasks.jsa -jar /app/tasks.jar hello-world >/dev/null \
 && rm -rf /tmp/.local /tmp/hsperfdata_*
USER 10001:10001
# Exec form: java is PID 1, so SIGTERM from ECS StopTask reaches the JVM (exit 143), and ECS's
# command override [TASK, args...] is appended unchanged, never through a shell.
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/tasks.jar"]
