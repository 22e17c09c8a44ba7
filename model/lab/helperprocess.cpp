// SPDX-License-Identifier: GPL-3.0-or-later
#include "helperprocess.h"

#include "trace/errnoname.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {
QString fromC(const char *s, size_t max)
{
    return QString::fromUtf8(s, qsizetype(strnlen(s, max)));
}
} // namespace

HelperProcess::~HelperProcess()
{
    stop();
}

bool HelperProcess::start(const QString &helperPath, const QString &tunPath, LabError *error)
{
    stop();
    m_exitDescription.clear();
    m_broken.reset();
    const QFileInfo exe(helperPath);
    if (!exe.isFile() || !exe.isExecutable()) {
        *error = {
            QStringLiteral("exec(%1)").arg(helperPath), exe.exists() ? EACCES : ENOENT,
            QCoreApplication::translate("LabError",
                                        "The lab helper program is missing or not executable; rebuild SynScope or set "
                                        "SYNSCOPE_LAB_HELPER to its path.")};
        return false;
    }
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) {
        *error = {QStringLiteral("socketpair(AF_UNIX, SOCK_SEQPACKET)"), errno, {}};
        return false;
    }
    UniqueFd mine(sv[0]);
    UniqueFd theirs(sv[1]);

    // posix_spawn, not fork: the app is multithreaded. dup2 onto fd 3 clears CLOEXEC there only.
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, theirs.get(), labproto::kHelperFd);
    const QByteArray path = QFile::encodeName(helperPath);
    const QByteArray parent = QByteArray::number(getpid());
    const QByteArray tun = QFile::encodeName(tunPath);
    char *argv[] = {const_cast<char *>(path.constData()), const_cast<char *>(parent.constData()),
                    const_cast<char *>(tun.constData()), nullptr};
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, path.constData(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        *error = {QStringLiteral("posix_spawn(%1)").arg(helperPath), rc, {}};
        return false;
    }
    m_pid = pid;
    m_control = std::move(mine);
    theirs.reset(); // only the helper holds its end now: its exit is our EOF

    labproto::Reply hello {};
    int nfds = 0;
    if (!receive(hello, nullptr, 0, &nfds, error)) {
        stop();
        return false;
    }
    if (hello.err != 0) {
        *error = {fromC(hello.call, sizeof hello.call), hello.err, fromC(hello.hint, sizeof hello.hint)};
        stop();
        return false;
    }
    m_userNamespace = hello.userNamespace != 0;
    return true;
}

bool HelperProcess::receive(labproto::Reply &reply, int *fds, int maxFds, int *nfds, LabError *error)
{
    pollfd p {m_control.get(), POLLIN, 0};
    int ready;
    do
        ready = ::poll(&p, 1, m_replyTimeoutMs);
    while (ready < 0 && errno == EINTR);
    if (ready == 0) {
        // Not the call's errno: the call was never made. The helper is stuck (stopped, or the machine
        // is swapping hard), and the lab cannot go on with it.
        LabError e {{},
                    0,
                    QCoreApplication::translate("LabError",
                                                "The lab stopped: the lab helper (pid %1) did not answer within %2 s.")
                        .arg(m_pid)
                        .arg(QLocale().toString(m_replyTimeoutMs / 1000.0))};
        e.fatal = true;
        m_broken = e;
        *error = e;
        return false;
    }
    iovec iov {&reply, sizeof reply};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * 4)] = {};
    msghdr msg {};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    ssize_t n;
    do
        n = recvmsg(m_control.get(), &msg, MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    *nfds = 0;
    for (cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
        const int count = int((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
        for (int i = 0; i < count; ++i) {
            int fd;
            memcpy(&fd, CMSG_DATA(c) + sizeof(int) * size_t(i), sizeof fd);
            if (*nfds < maxFds)
                fds[(*nfds)++] = fd;
            else
                ::close(fd);
        }
    }
    if (n <= 0) {
        *error = diedError(QStringLiteral("recvmsg(lab helper)"));
        return false;
    }
    if (msg.msg_flags & MSG_CTRUNC) {
        // The kernel could not put the descriptors into our table: which limit was hit is what a
        // new descriptor says now.
        const int probe = ::fcntl(m_control.get(), F_DUPFD_CLOEXEC, 0);
        const int err = probe < 0 ? errno : 0;
        if (probe >= 0) ::close(probe);
        if (err == EMFILE || err == ENFILE) {
            *error = outOfDescriptors(err);
            return false;
        }
    }
    if (n != ssize_t(sizeof reply) || reply.version != labproto::kVersion) {
        *error = {
            QStringLiteral("lab helper (pid %1)").arg(m_pid), EPROTO,
            QCoreApplication::translate("LabError", "The helper speaks another protocol version; rebuild SynScope.")};
        return false;
    }
    return true;
}

bool HelperProcess::request(const labproto::Request &req, labproto::Reply &reply, int *fds, int maxFds, LabError *error)
{
    if (m_broken) {
        *error = *m_broken;
        return false;
    }
    if (!isRunning()) {
        *error = {{}, 0, QCoreApplication::translate("LabError", "The lab helper is not running.")};
        error->fatal = true;
        return false;
    }
    ssize_t n;
    do
        n = ::send(m_control.get(), &req, sizeof req, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    if (n != ssize_t(sizeof req)) {
        *error = diedError(QStringLiteral("send(lab helper)"));
        return false;
    }
    int nfds = 0;
    if (!receive(reply, fds, maxFds, &nfds, error)) {
        for (int i = 0; i < nfds; ++i)
            ::close(fds[i]);
        return false;
    }
    if (reply.err != 0) {
        for (int i = 0; i < nfds; ++i)
            ::close(fds[i]);
        *error = {fromC(reply.call, sizeof reply.call), reply.err, fromC(reply.hint, sizeof reply.hint)};
        return false;
    }
    if (nfds != maxFds) {
        for (int i = 0; i < nfds; ++i)
            ::close(fds[i]);
        *error = {QStringLiteral("recvmsg(SCM_RIGHTS)"), EPROTO,
                  QCoreApplication::translate("LabError", "The helper sent %1 file descriptors, %2 expected.")
                      .arg(nfds)
                      .arg(maxFds)};
        return false;
    }
    return true;
}

bool HelperProcess::newLab(int ipVersion, std::array<UniqueFd, 2> &tuns, std::array<labproto::HostInfo, 2> &hosts,
                           LabError *error)
{
    labproto::Request req {};
    req.op = labproto::Op::NewLab;
    req.ipVersion = ipVersion;
    labproto::Reply reply {};
    int fds[2] = {-1, -1};
    if (!request(req, reply, fds, 2, error)) return false;
    tuns[0].reset(fds[0]);
    tuns[1].reset(fds[1]);
    hosts[0] = reply.hosts[0];
    hosts[1] = reply.hosts[1];
    return true;
}

bool HelperProcess::restartHost(labproto::Host host, UniqueFd &tun, labproto::HostInfo &info, LabError *error)
{
    labproto::Request req {};
    req.op = labproto::Op::RestartHost;
    req.host = host;
    labproto::Reply reply {};
    int fd = -1;
    if (!request(req, reply, &fd, 1, error)) return false;
    tun.reset(fd);
    info = reply.hosts[int(host)];
    return true;
}

UniqueFd HelperProcess::newSocket(labproto::Host host, int domain, int type, int protocol, LabError *error)
{
    labproto::Request req {};
    req.op = labproto::Op::NewSocket;
    req.host = host;
    req.domain = domain;
    req.type = type;
    req.protocol = protocol;
    labproto::Reply reply {};
    int fd = -1;
    if (!request(req, reply, &fd, 1, error)) {
        if (error->err == EMFILE || error->err == ENFILE) {
            // The helper made the socket and says so again once it has closed its copy: read that too,
            // so the next answer is the next request's.
            LabError ignored;
            int none = 0;
            receive(reply, nullptr, 0, &none, &ignored);
        }
        return {};
    }
    UniqueFd socket(fd);
    // The helper says when it has closed its copy: until then the app's close() would not be the
    // last one, and the kernel would close nothing (no FIN) when the program calls close().
    int none = 0;
    if (!receive(reply, nullptr, 0, &none, error)) return {};
    return socket;
}

bool HelperProcess::setSysctl(labproto::Host host, const QByteArray &name, const QByteArray &value, LabError *error)
{
    labproto::Request req {};
    req.op = labproto::Op::SetSysctl;
    req.host = host;
    if (name.size() >= qsizetype(sizeof req.name) || value.size() >= qsizetype(sizeof req.value)) {
        *error = {QStringLiteral("sysctl(%1)").arg(QString::fromLatin1(name)), EINVAL,
                  QCoreApplication::translate("LabError", "The name or value is too long.")};
        return false;
    }
    memcpy(req.name, name.constData(), size_t(name.size()));
    memcpy(req.value, value.constData(), size_t(value.size()));
    labproto::Reply reply {};
    return request(req, reply, nullptr, 0, error);
}

bool HelperProcess::getSysctl(labproto::Host host, const QByteArray &name, QByteArray *value, LabError *error)
{
    labproto::Request req {};
    req.op = labproto::Op::GetSysctl;
    req.host = host;
    if (name.size() >= qsizetype(sizeof req.name)) {
        *error = {QStringLiteral("sysctl(%1)").arg(QString::fromLatin1(name)), EINVAL,
                  QCoreApplication::translate("LabError", "The name or value is too long.")};
        return false;
    }
    memcpy(req.name, name.constData(), size_t(name.size()));
    labproto::Reply reply {};
    if (!request(req, reply, nullptr, 0, error)) return false;
    *value = QByteArray(reply.value, qsizetype(strnlen(reply.value, sizeof reply.value)));
    return true;
}

bool HelperProcess::setQuickAck(labproto::Host host, bool on, LabError *error)
{
    labproto::Request req {};
    req.op = labproto::Op::SetQuickAck;
    req.host = host;
    req.value[0] = on ? '1' : '0';
    labproto::Reply reply {};
    return request(req, reply, nullptr, 0, error);
}

bool HelperProcess::checkGone()
{
    if (!isRunning()) return true;
    char byte;
    const ssize_t n = ::recv(m_control.get(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n > 0 || (n < 0 && (errno == EAGAIN || errno == EINTR))) return false;
    reap(true);
    m_control.reset();
    return true;
}

void HelperProcess::reap(bool block)
{
    if (m_pid <= 0) return;
    int status = 0;
    pid_t r;
    do
        r = waitpid(m_pid, &status, block ? 0 : WNOHANG);
    while (r < 0 && errno == EINTR);
    if (r != m_pid) return;
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        m_exitDescription = QCoreApplication::translate("LabError", "was killed by signal %1 (SIG%2)")
                                .arg(sig)
                                .arg(QString::fromLatin1(sigabbrev_np(sig) ? sigabbrev_np(sig) : "?"));
    } else {
        m_exitDescription = QCoreApplication::translate("LabError", "exited with status %1").arg(WEXITSTATUS(status));
    }
    m_pid = -1;
}

LabError HelperProcess::diedError(const QString &call)
{
    const pid_t pid = m_pid;
    reap(true);
    m_control.reset();
    LabError e {call, EPIPE,
                QCoreApplication::translate("LabError", "The lab helper (pid %1) %2.").arg(pid).arg(m_exitDescription)};
    e.fatal = true;
    return e;
}

LabError HelperProcess::outOfDescriptors(int err)
{
    LabError e {QStringLiteral("recvmsg(SCM_RIGHTS)"), err,
                err == EMFILE
                    ? QCoreApplication::translate(
                        "LabError",
                        "SynScope has as many files and sockets open as its limit allows (ulimit -n), so it cannot "
                        "take the socket the lab made; the lab stopped. Close sockets, or raise the limit.")
                    : QCoreApplication::translate(
                        "LabError",
                        "The system has run out of open files (fs.file-max), so SynScope cannot take the socket "
                        "the lab made; the lab stopped.")};
    e.fatal = true;
    return e;
}

void HelperProcess::stop()
{
    m_broken.reset();
    if (m_pid > 0) {
        m_control.reset(); // the helper leaves on EOF; SIGKILL makes sure it does not linger
        ::kill(m_pid, SIGKILL);
        reap(true);
    }
    m_control.reset();
    m_pid = -1;
}
