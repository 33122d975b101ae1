# The GitOps operator image. Build from the repository root: docker build -t gitops-operator .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/GitOpsOperator -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG TARGETARCH=amd64
ARG KUBECTL_VERSION=v1.32.3
ARG HELM_VERSION=v3.17.2
# git and openssh-client: the git transports shell out to them for ssh:// and user@host:path remotes.
# kubectl: GitSync paths holding a kustomization.yaml are rendered with "kubectl kustomize".
# helm: GitSync paths holding a Chart.yaml are rendered with "helm template".
RUN apt-get update \
    && apt-get install -y --no-install-recommends git openssh-client ca-certificates curl \
    && curl -fsSL -o /usr/local/bin/kubectl "https://dl.k8s.io/release/${KUBECTL_VERSION}/bin/linux/${TARGETARCH}/kubectl" \
    && curl -fsSL -o /tmp/kubectl.sha256 "https://dl.k8s.io/release/${KUBECTL_VERSION}/bin/linux/${TARGETARCH}/kubectl.sha256" \
    && echo "$(cat /tmp/kubectl.sha256)  /usr/local/bin/kubectl" | sha256sum --check \
    && chmod 0755 /usr/local/bin/kubectl \
    && rm /tmp/kubectl.sha256 \
    && curl -fsSL -o /tmp/helm.tar.gz "https://get.helm.sh/helm-${HELM_VERSION}-linux-${TARGETARCH}.tar.gz" \
    && curl -fsSL -o /tmp/helm.sha256 "https://get.helm.sh/helm-${HELM_VERSION}-linux-${TARGETARCH}.tar.gz.sha256" \
    && echo "$(cat /tmp/helm.sha256)  /tmp/helm.tar.gz" | sha256sum --check \
    && tar -xzf /tmp/helm.tar.gz -C /usr/local/bin --strip-components=1 "linux-${TARGETARCH}/helm" \
    && rm /tmp/helm.tar.gz /tmp/helm.sha256 \
    && apt-get purge -y curl \
    && apt-get autoremove -y \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The image's built-in non-root user; Kubernetes probes /healthz and /readyz, so there is no HEALTHCHECK.
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["/app/GitOpsOperator"]
