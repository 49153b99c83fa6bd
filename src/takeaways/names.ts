/**
 * Names written in lower case: commands and projects ("kubectl", "etcd"). They open a sentence
 * correctly, and after "the" they name a thing of their own, not one an earlier line set up.
 */
export const LOWERCASE_NAMES = new Set([
  "kubectl", "kubelet", "kubeadm", "kube-proxy", "etcd", "rkt", "containerd", "runc", "crictl", "kustomize",
  "linkerd", "minikube", "kind", "coredns", "iptables", "ipvs", "cgroups", "systemd", "gvisor", "k3s", "k8s",
]);
