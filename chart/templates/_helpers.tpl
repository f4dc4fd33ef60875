{{/* Names, labels and the checks every install must pass. */}}

{{- define "opencrane.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "opencrane.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains (include "opencrane.name" .) .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "opencrane.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "opencrane.selectorLabels" -}}
app.kubernetes.io/name: {{ include "opencrane.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "opencrane.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "opencrane.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: opencrane
{{- end -}}

{{- define "opencrane.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "opencrane.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The namespace whose custom resources and key Secrets the control plane manages. */}}
{{- define "opencrane.watchNamespace" -}}
{{- default .Release.Namespace .Values.watchNamespace -}}
{{- end -}}

{{- define "opencrane.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{- define "opencrane.apiTokenSecretName" -}}
{{- default (printf "%s-api-token" (include "opencrane.fullname" .)) .Values.apiToken.existingSecret -}}
{{- end -}}

{{/*
Refuses configurations that would install an open or half-configured control plane. Included by the
Deployment, so `helm template`, `helm install` and `helm lint` all stop with the message.
*/}}
{{- define "opencrane.validate" -}}
{{- if and (not .Values.apiToken.existingSecret) (not .Values.apiToken.value) -}}
{{- fail "apiToken is required: set apiToken.existingSecret (a Secret holding the static bearer token under apiToken.secretKey) or apiToken.value; the control plane is never installed without an API credential" -}}
{{- end -}}
{{- if and .Values.apiToken.existingSecret .Values.apiToken.value -}}
{{- fail "apiToken: set either apiToken.existingSecret or apiToken.value, not both" -}}
{{- end -}}
{{- if not .Values.database.existingSecret -}}
{{- fail "database.existingSecret is required: the Secret holding the PostgreSQL login (keys database.usernameKey and database.passwordKey)" -}}
{{- end -}}
{{- if .Values.oidc.enabled -}}
{{- if or (not .Values.oidc.issuer) (not .Values.oidc.clientId) (not .Values.oidc.redirectBase) -}}
{{- fail "oidc.enabled needs oidc.issuer, oidc.clientId and oidc.redirectBase (the public origin of the API)" -}}
{{- end -}}
{{- if or (not .Values.oidc.authorizationEndpoint) (not .Values.oidc.tokenEndpoint) (not .Values.oidc.jwksUri) -}}
{{- fail "oidc.enabled needs oidc.authorizationEndpoint, oidc.tokenEndpoint and oidc.jwksUri (from the provider's /.well-known/openid-configuration)" -}}
{{- end -}}
{{- end -}}
{{- if and .Values.litellm.endpoint (not .Values.litellm.masterKey.existingSecret) -}}
{{- fail "litellm.endpoint needs litellm.masterKey.existingSecret (the Secret holding LiteLLM's master key)" -}}
{{- end -}}
{{- if not (has .Values.logFormat (list "json" "simple" "dev")) -}}
{{- fail "logFormat must be json, simple or dev" -}}
{{- end -}}
{{- end -}}

{{/* PostgreSQL settings, shared by the server and the migration Job. */}}
{{- define "opencrane.databaseEnv" -}}
- name: OPENCRANE_DB_HOST
  value: {{ .Values.database.host | quote }}
- name: OPENCRANE_DB_PORT
  value: {{ .Values.database.port | quote }}
- name: OPENCRANE_DB_NAME
  value: {{ .Values.database.name | quote }}
- name: OPENCRANE_DB_USER
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.usernameKey }}
- name: OPENCRANE_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.passwordKey }}
{{- end -}}

{{/* Liberty's writable directories (emptyDir) for a read-only root filesystem. */}}
{{- define "opencrane.writableVolumes" -}}
{{- range $name, $dir := .Values.writableDirs }}
- name: {{ $name }}
  emptyDir: {{ if $dir.sizeLimit }}{ sizeLimit: {{ $dir.sizeLimit }} }{{ else }}{}{{ end }}
{{- end }}
{{- end -}}

{{- define "opencrane.writableMounts" -}}
{{- range $name, $dir := .Values.writableDirs }}
- name: {{ $name }}
  mountPath: {{ $dir.mountPath }}
{{- end }}
{{- end -}}
