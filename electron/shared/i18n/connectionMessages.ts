/**
 * Field messages of the connection choice (issue 15: embedded, host the facility server, connect to it). Merged into
 * the one table by messages.ts; English has exactly the Chinese keys. Each states the limit or gives an example.
 */
export const connectionMessages = {
  'zh-CN': {
    'conn.address': '地址应为 主机名或 IP 地址加端口，例如 192.168.1.10:8443 或 server.local:8443',
    'conn.port_missing': '请写出端口，例如 192.168.1.10:8443',
    'conn.port': '端口应为 {{min}}–{{max}} 的整数',
    'conn.https_only': '只能使用 https:// 加密连接，不接受 http:// 或其他方式',
    'conn.url_path': '只填写服务器地址和端口，不要带路径，例如 https://192.168.1.10:8443',
    'conn.fingerprint': '证书指纹应为 SHA-256：64 位十六进制数字（0–9、A–F，可用冒号分隔）',
    'conn.name': '名称应为主机名或 IP 地址（不带端口），例如 server.local 或 192.168.1.10',
    'conn.names_required': '至少填写一个其他工作站用来访问本机的名称或 IP 地址',
  },
  en: {
    'conn.address': 'Give a host name or IP address with a port, e.g. 192.168.1.10:8443 or server.local:8443',
    'conn.port_missing': 'Give the port too, e.g. 192.168.1.10:8443',
    'conn.port': 'The port must be a whole number from {{min}} to {{max}}',
    'conn.https_only': 'Only encrypted https:// connections are accepted, not http:// or anything else',
    'conn.url_path': 'Give only the server address and port, no path, e.g. https://192.168.1.10:8443',
    'conn.fingerprint': 'A certificate fingerprint is SHA-256: 64 hexadecimal digits (0–9, A–F, colons allowed)',
    'conn.name': 'A name is a host name or IP address (no port), e.g. server.local or 192.168.1.10',
    'conn.names_required': 'Give at least one name or IP address other workstations use to reach this computer',
  },
} as const
