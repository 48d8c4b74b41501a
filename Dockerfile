# Images of this project, all from one file:
#   runtime  (default, last stage) — what ECS runs: java @/app/jvm.options -jar /app/tasks.jar TASK [options]
#   launcher — the operator's CLI and task-definitions/ for the docker-compose `run_task` service
#
# Where the jars come from is a build-arg:
#   JARS=build     (default) a Maven build stage compiles them from source inside the build
#   JARS=prebuilt  copies tasks/target/{tasks.jar,jvm.options} and launcher/target/launcher.jar built
#                  on the host beforehand (for builders without registry access, e.g. podman with
#                  --network none; see docs/delivery.md)
# Base images are build-args so a builder without Docker Hub access can pass locally made ones
# (scripts/make-base-image.sh). The runtime images run Java 25; the jars are release 17 bytecode.
#
#   docker build --build-arg GIT_SHA="$(git rev-parse HEAD)" -t runtask-tasks .
#   docker build --target launcher -t runtask-launcher .

ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre
ARG JARS=build

# ---- jars built from source -------------------------------------------------------------------
FROM ${BUILD_IMAGE} AS jars-build
WORKDIR /src
# Every module of pom.xml (the reactor refuses to build with one missing); delivery_files.bats checks.
COPY pom.xml ./
COPY contract/ contract/
COPY test-harness/ test-harness/
COPY build-tools/ build-tools/
COPY picocli-release17/ picocli-release17/
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
COPY --from=jars /out/jvm.options /tmp/build.options
# The AOT cache (JEP 483/514) is made here, by this image's JVM (a cache from another JVM build, or
# for another jar, is not used), from the training run: import-sales on the embedded database, then
# hello-world. Training uses the launch line's flags without the host's archive; its embedded
# database (/tmp/.local) and records are dropped. /app/jvm.options: those flags plus the cache,
# `-XX:AOTCache` (a missing or unusable cache is skipped, never an error) and silence about it
# (-Xlog:aot after @/app/jvm.options shows why).
RUN set -eu; \
    grep -v -e '^#' -e '^-XX:SharedArchiveFile=' /tmp/build.options >/tmp/training.options; \
    cd /tmp; \
    java @/tmp/training.options -XX:AOTCacheOutput=/app/tasks.aot -cp /app/tasks.jar \
        dev.runtask.tasks.aot.TrainingRun >/tmp/training.log 2>&1 \
      || { cat /tmp/training.log; echo "AOT training run failed" >&2; exit 1; }; \
    { echo '# Made by the image build from tasks/target/jvm.options (flags: tasks/src/main/jvm/jvm.options)'; \
      cat /tmp/training.options; \
      printf '%s\n' -XX:AOTCache=/app/tasks.aot '-Xlog:aot*=off:stderr'; \
    } >/app/jvm.options; \
    rm -rf /tmp/build.options /tmp/training.options /tmp/training.log /tmp/.local /tmp/hsperfdata_*
USER 10001:10001
# Exec form: java is PID 1, so SIGTERM from ECS StopTask reaches the JVM (exit 143), and ECS's
# command override [TASK, args...] is appended unchanged, never through a shell.
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/tasks.jar"]
