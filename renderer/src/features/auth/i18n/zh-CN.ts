/** Sign-in and password texts, in Chinese (the default). `en.ts` must have exactly the same keys (checked by its type). */
export const zhCN = {
  login: {
    title: '登录',
    subtitle: '请使用本人账号登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    footer: '本系统含个人敏感信息，所有查阅与修改均记入审计日志。',
    sessionEnded: '会话已结束，请重新登录',
  },
  password: {
    title: '修改密码',
    current: '当前密码',
    next: '新密码',
    confirm: '确认新密码',
    mismatch: '两次输入的密码不一致',
    done: '密码已修改',
  },
}
