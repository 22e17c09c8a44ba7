// SPDX-License-Identifier: GPL-3.0-or-later
#include "bsdhost.h"

#include "kernelprobe.h"
#include "lab.h"
#include "socketaddress.h"
#include "trace/trace.h"

#include <QSocketNotifier>
#include <arpa/inet.h>
#include <cerrno>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

struct BsdHost::Pending {
    CallId call = -1;
    Op op = Op::Read;
    int fd = -1;
    QByteArray data; // write: what is left to send
    qint64 done = 0; // write: bytes sent so far
    qint64 max = 0; // read: buffer size
    std::unique_ptr<QSocketNotifier> notifier;
};

// A close() on its own thread. The thread reports back only while the host still wants to know:
// a host that is reset or destroyed first clears `host` under the mutex, and the thread, which may
// go on lingering until the linger time runs out, then just ends.
struct BsdHost::CloseJob {
    std::mutex mutex;
    BsdHost *host = nullptr;
};

namespace {
QString opName(int op)
{
    static const char *names[] = {"connect", "accept", "read", "write", "close"};
    return QString::fromLatin1(names[op]);
}

} // namespace

BsdHost::BsdHost(Lab *lab, Side side, QObject *parent)
    : QObject(parent)
    , m_lab(lab)
    , m_side(side)
{ }

BsdHost::~BsdHost()
{
    abandonClose();
}

QString BsdHost::blockedIn() const
{
    return m_pending ? opName(int(m_pending->op)) + QStringLiteral("()") : QString();
}

bool BsdHost::canCall()
{
    m_refusal.clear();
    if (!m_lab->isReady())
        m_refusal = tr("The lab is not running.");
    else if (m_pending)
        m_refusal = tr("The %1 program is blocked in %2: like a single-threaded C program, it can make no other "
                       "call until that one returns.")
                        .arg(sideText(m_side), blockedIn());
    return m_refusal.isEmpty();
}

BsdHost::CallId BsdHost::begin(const QString &fn, QJsonObject args)
{
    CallRecord record;
    record.fn = fn;
    record.args = std::move(args);
    Trace *trace = m_lab->trace();
    return trace->appendCall(trace->now(), m_side, EventKind::Call, std::move(record));
}

void BsdHost::finish(CallId call, qint64 value, int err, const QByteArray &data)
{
    Trace *trace = m_lab->trace();
    const CallRecord &callRecord = trace->callRecord(trace->at(call));
    CallRecord record;
    record.fn = callRecord.fn;
    record.hasResult = true;
    record.result = value;
    record.err = err;
    record.callEvent = call;
    if (!data.isEmpty()) record.detail = QString::fromUtf8(data);
    const bool brokenPipe = record.fn == u"write" && value < 0 && err == EPIPE;
    const qsizetype ret = trace->appendCall(trace->now(), m_side, EventKind::Return, std::move(record));
    if (brokenPipe) {
        // The kernel raises SIGPIPE with this EPIPE unless the write passes MSG_NOSIGNAL, as ours do
        // (a lab program must not die of it), or the program ignores the signal. What a student's
        // program would get is recorded, saying that it was not raised here.
        CallRecord signal;
        signal.fn = QStringLiteral("SIGPIPE");
        signal.detail = QStringLiteral("not raised: MSG_NOSIGNAL");
        trace->appendCall(trace->now(), m_side, EventKind::Signal, std::move(signal));
    }
    m_results[call] = CallResult {value, err, data};
    // Read this host's kernel before anyone hears of the return (a program's next line may run
    // inside returned()): whatever the call did to a state — close()'s FIN_WAIT_1 or LAST_ACK,
    // shutdown(), listen(), accept() taking a connection — is done when it returns, and a read
    // now keeps it even if the next call or segment moves the socket on at once.
    m_lab->probe()->readNow(m_side);
    emit returned(call, ret);
}

BsdHost::CallId BsdHost::immediate(const QString &fn, QJsonObject args, int fd, const std::function<int()> &syscall)
{
    if (!canCall()) return -1;
    const LabLock::Hold hold = m_lab->lock().hold();
    const CallId call = begin(fn, std::move(args));
    // Only the lab program's own descriptors: any other number is not open in that program.
    const int rc = knows(fd) ? syscall() : (errno = EBADF, -1);
    finish(call, rc, rc < 0 ? errno : 0);
    return call;
}

BsdHost::CallId BsdHost::socket()
{
    if (!canCall()) return -1;
    // The helper is asked first: when the lab itself fails (the helper does not answer), no call
    // was made, and none is recorded with an errno socket() never gave.
    LabError error;
    const bool v6 = m_lab->ipVersion() == 6;
    UniqueFd fd = m_lab->newSocket(m_side, v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0, &error);
    const bool outOfDescriptors = error.err == EMFILE || error.err == ENFILE;
    if (!fd && error.fatal && !outOfDescriptors) {
        m_refusal = error.message();
        return -1;
    }
    // The helper was asked without the lab lock: the wire goes on meanwhile.
    const LabLock::Hold hold = m_lab->lock().hold();
    const CallId call = begin(QStringLiteral("socket"),
                              {{QStringLiteral("domain"), v6 ? QStringLiteral("AF_INET6") : QStringLiteral("AF_INET")},
                               {QStringLiteral("type"), QStringLiteral("SOCK_STREAM")},
                               {QStringLiteral("protocol"), 0}});
    if (!fd) {
        // Out of descriptors is what socket() itself would say (and the lab stops, see Lab::newSocket).
        finish(call, -1, error.err ? error.err : EIO);
        return call;
    }
    const int number = fd.get();
    m_fds.emplace(number, std::move(fd));
    finish(call, number, 0);
    return call;
}

BsdHost::CallId BsdHost::bind(int fd, const QString &address, quint16 port)
{
    return immediate(QStringLiteral("bind"),
                     {{QStringLiteral("fd"), fd}, {QStringLiteral("addr"), address}, {QStringLiteral("port"), port}},
                     fd, [&] {
                         SocketAddress sa;
                         if (!toSocketAddress(address, port, sa)) return errno = EINVAL, -1;
                         return ::bind(fd, sa.get(), sa.length);
                     });
}

BsdHost::CallId BsdHost::listen(int fd, int backlog)
{
    return immediate(QStringLiteral("listen"), {{QStringLiteral("fd"), fd}, {QStringLiteral("backlog"), backlog}}, fd,
                     [&] { return ::listen(fd, backlog); });
}

BsdHost::CallId BsdHost::shutdown(int fd, int how)
{
    static const char *hows[] = {"SHUT_RD", "SHUT_WR", "SHUT_RDWR"};
    const QString howName = how >= 0 && how <= 2 ? QString::fromLatin1(hows[how]) : QString::number(how);
    return immediate(QStringLiteral("shutdown"), {{QStringLiteral("fd"), fd}, {QStringLiteral("how"), howName}}, fd,
                     [&] { return ::shutdown(fd, how); });
}

BsdHost::CallId BsdHost::close(int fd)
{
    if (!canCall()) return -1;
    const LabLock::Hold hold = m_lab->lock().hold();
    const CallId call = begin(QStringLiteral("close"), {{QStringLiteral("fd"), fd}});
    const auto it = m_fds.find(fd);
    if (it == m_fds.end()) {
        finish(call, -1, EBADF);
        return call;
    }
    // The program holds the only reference (the helper closed its copy): this close is the one
    // that sends the FIN, or the RST with SO_LINGER 0 or unread data.
    linger l {};
    socklen_t len = sizeof l;
    const bool lingers = ::getsockopt(fd, SOL_SOCKET, SO_LINGER, &l, &len) == 0 && l.l_onoff && l.l_linger > 0;
    const int raw = it->second.release();
    m_fds.erase(it);
    if (lingers) {
        lingeringClose(call, raw);
        return call;
    }
    const int rc = ::close(raw);
    finish(call, rc, rc < 0 ? errno : 0);
    return call;
}

// With SO_LINGER on, close() sleeps in the kernel until the peer has acknowledged the FIN (and any
// data before it), or the linger time runs out — even on a non-blocking socket. That ACK has to
// cross the wire, whose writes need the lab lock, and the lecturer may have to click it through on
// this thread: so the close() runs on a thread of its own, without the lab lock, and it "returns"
// here when it has. (While it sleeps the kernel has released the socket, so a segment the wire
// writes meanwhile is processed at once; only in the microseconds in which close() sends its FIN
// and, woken, finishes, can a delivered segment wait in the socket's backlog.)
void BsdHost::lingeringClose(CallId call, int fd)
{
    m_pending = std::make_unique<Pending>();
    m_pending->call = call;
    m_pending->op = Op::Close;
    m_pending->fd = fd;
    auto job = std::make_shared<CloseJob>();
    job->host = this;
    m_closeJob = job;
    std::thread([job, fd] {
        const int rc = ::close(fd);
        const int err = rc < 0 ? errno : 0;
        const std::lock_guard lock(job->mutex);
        if (BsdHost *host = job->host)
            QMetaObject::invokeMethod(
                host, [host, job, rc, err] { host->closeReturned(job, rc, err); }, Qt::QueuedConnection);
    }).detach();
    emit blockedChanged(true);
}

void BsdHost::closeReturned(const std::shared_ptr<CloseJob> &job, int rc, int err)
{
    if (job != m_closeJob || !m_pending) return; // reset meanwhile: that close belongs to a lab that is gone
    const LabLock::Hold hold = m_lab->lock().hold();
    m_closeJob.reset();
    const CallId call = m_pending->call;
    m_pending.reset();
    emit blockedChanged(false);
    finish(call, rc, err);
}

void BsdHost::abandonClose()
{
    if (!m_closeJob) return;
    const std::lock_guard lock(m_closeJob->mutex);
    m_closeJob->host = nullptr;
    m_closeJob.reset();
}

BsdHost::CallId BsdHost::setLinger(int fd, bool on, int seconds)
{
    return immediate(QStringLiteral("setsockopt"),
                     {{QStringLiteral("fd"), fd},
                      {QStringLiteral("option"), QStringLiteral("SO_LINGER")},
                      {QStringLiteral("l_onoff"), on ? 1 : 0},
                      {QStringLiteral("l_linger"), seconds}},
                     fd, [&] {
                         const linger l {on ? 1 : 0, seconds};
                         return ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
                     });
}

BsdHost::CallId BsdHost::setReuseAddress(int fd, bool on)
{
    return immediate(QStringLiteral("setsockopt"),
                     {{QStringLiteral("fd"), fd},
                      {QStringLiteral("option"), QStringLiteral("SO_REUSEADDR")},
                      {QStringLiteral("value"), on ? 1 : 0}},
                     fd, [&] {
                         const int v = on ? 1 : 0;
                         return ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &v, sizeof v);
                     });
}

BsdHost::CallId BsdHost::setNoDelay(int fd, bool on)
{
    return immediate(QStringLiteral("setsockopt"),
                     {{QStringLiteral("fd"), fd},
                      {QStringLiteral("option"), QStringLiteral("TCP_NODELAY")},
                      {QStringLiteral("value"), on ? 1 : 0}},
                     fd, [&] {
                         const int v = on ? 1 : 0;
                         return ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &v, sizeof v);
                     });
}

BsdHost::CallId BsdHost::setKeepAliveOption(int fd, const QString &option, int value)
{
    int level = IPPROTO_TCP;
    int name = -1;
    if (option == u"SO_KEEPALIVE") {
        level = SOL_SOCKET;
        name = SO_KEEPALIVE;
    } else if (option == u"TCP_KEEPIDLE") {
        name = TCP_KEEPIDLE;
    } else if (option == u"TCP_KEEPINTVL") {
        name = TCP_KEEPINTVL;
    } else if (option == u"TCP_KEEPCNT") {
        name = TCP_KEEPCNT;
    }
    return immediate(QStringLiteral("setsockopt"),
                     {{QStringLiteral("fd"), fd}, {QStringLiteral("option"), option}, {QStringLiteral("value"), value}},
                     fd, [&] {
                         if (name < 0) {
                             errno = EINVAL;
                             return -1;
                         }
                         return ::setsockopt(fd, level, name, &value, sizeof value);
                     });
}

BsdHost::CallId BsdHost::connect(int fd, const QString &address, quint16 port)
{
    if (!canCall()) return -1;
    const LabLock::Hold hold = m_lab->lock().hold();
    const CallId call =
        begin(QStringLiteral("connect"),
              {{QStringLiteral("fd"), fd}, {QStringLiteral("addr"), address}, {QStringLiteral("port"), port}});
    SocketAddress sa;
    if (!knows(fd) || !toSocketAddress(address, port, sa)) {
        finish(call, -1, knows(fd) ? EINVAL : EBADF);
        return call;
    }
    if (::connect(fd, sa.get(), sa.length) == 0) {
        finish(call, 0, 0);
    } else if (errno == EINPROGRESS) {
        m_lab->probe()->readNow(m_side); // SYN_SENT: set before a non-blocking connect() comes back
        block(call, Op::Connect, fd, {}, 0);
    } else {
        finish(call, -1, errno);
    }
    return call;
}

BsdHost::CallId BsdHost::accept(int fd)
{
    if (!canCall()) return -1;
    const LabLock::Hold hold = m_lab->lock().hold();
    const CallId call = begin(QStringLiteral("accept"), {{QStringLiteral("fd"), fd}});
    if (!knows(fd)) {
        finish(call, -1, EBADF);
        return call;
    }
    block(call, Op::Accept, fd, {}, 0);
    return call;
}

BsdHost::CallId BsdHost::read(int fd, qint64 maxBytes)
{
    if (!canCall()) return -1;
    const LabLock::Hold hold = m_lab->lock().hold();
    const CallId call =
        begin(QStringLiteral("read"), {{QStringLiteral("fd"), fd}, {QStringLiteral("count"), maxBytes}});
    if (!knows(fd)) {
        finish(call, -1, EBADF);
        return call;
    }
    block(call, Op::Read, fd, {}, std::max<qint64>(1, maxBytes));
    return call;
}

BsdHost::CallId BsdHost::write(int fd, const QByteArray &data)
{
    if (!canCall()) return -1;
    const LabLock::Hold hold = m_lab->lock().hold();
    const CallId call = begin(QStringLiteral("write"),
                              {{QStringLiteral("fd"), fd},
                               {QStringLiteral("count"), data.size()},
                               {QStringLiteral("data"), QString::fromUtf8(data.left(64))}});
    if (!knows(fd)) {
        finish(call, -1, EBADF);
        return call;
    }
    block(call, Op::Write, fd, data, 0);
    return call;
}

// Tries the call once now; if the kernel says "would block", waits for the descriptor to become
// ready and tries again then — the moment a blocking call would return.
void BsdHost::block(CallId call, Op op, int fd, QByteArray data, qint64 max)
{
    m_pending = std::make_unique<Pending>();
    m_pending->call = call;
    m_pending->op = op;
    m_pending->fd = fd;
    m_pending->data = std::move(data);
    m_pending->max = max;
    if (op != Op::Connect) {
        resume();
        if (!m_pending) return;
    }
    const auto type = (op == Op::Connect || op == Op::Write) ? QSocketNotifier::Write : QSocketNotifier::Read;
    m_pending->notifier = std::make_unique<QSocketNotifier>(fd, type);
    QObject::connect(m_pending->notifier.get(), &QSocketNotifier::activated, this, &BsdHost::resume);
    emit blockedChanged(true);
}

void BsdHost::resume()
{
    // The wire's deliveries up to now are recorded first (the hold catches up): the SYN+ACK that
    // made connect() ready comes before its return.
    const LabLock::Hold hold = m_lab->lock().hold();
    Pending &p = *m_pending;
    qint64 value = -1;
    int err = 0;
    QByteArray data;
    switch (p.op) {
    case Op::Connect: {
        socklen_t len = sizeof err;
        ::getsockopt(p.fd, SOL_SOCKET, SO_ERROR, &err, &len);
        value = err ? -1 : 0;
        break;
    }
    case Op::Accept: {
        const int nfd = ::accept4(p.fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (nfd < 0 && (errno == EAGAIN || errno == EINTR)) return;
        if (nfd >= 0) {
            m_fds.emplace(nfd, UniqueFd(nfd));
            data = peerText(nfd).toLatin1();
        }
        value = nfd;
        err = nfd < 0 ? errno : 0;
        break;
    }
    case Op::Read: {
        data.resize(p.max);
        const ssize_t n = ::recv(p.fd, data.data(), size_t(p.max), 0);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
        err = n < 0 ? errno : 0;
        data.resize(n > 0 ? n : 0);
        value = n;
        break;
    }
    case Op::Close:
        return; // returns through closeReturned()
    case Op::Write: {
        while (p.done < p.data.size()) {
            const ssize_t n = ::send(p.fd, p.data.constData() + p.done, size_t(p.data.size() - p.done), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 && errno == EAGAIN) return;
            if (n < 0) {
                err = errno;
                break;
            }
            p.done += n;
        }
        // A blocking write that fails part-way returns what it wrote; errno only if nothing was.
        value = (err && p.done == 0) ? -1 : p.done;
        if (p.done > 0) err = 0;
        break;
    }
    }
    const CallId call = p.call;
    const bool wasBlocked = p.notifier != nullptr;
    if (wasBlocked) // we may be inside its activated() signal: no delete under its feet
        p.notifier.release()->deleteLater();
    m_pending.reset();
    if (wasBlocked) emit blockedChanged(false);
    finish(call, value, err, data);
}

bool BsdHost::canInterrupt() const
{
    return m_pending && m_pending->op != Op::Close;
}

bool BsdHost::interrupt()
{
    if (!canInterrupt()) return false;
    // Like every call's return: what the wire thread did before is recorded first, and the state
    // read after the return is not raced by a delivery.
    const LabLock::Hold hold = m_lab->lock().hold();
    Pending &p = *m_pending;
    // A blocking write() that has sent part returns that count; one that sent nothing, EINTR.
    const bool partial = p.op == Op::Write && p.done > 0;
    const CallId call = p.call;
    const qint64 value = partial ? p.done : -1;
    if (p.notifier) { // we may be inside its activated() signal: no delete under its feet
        p.notifier->setEnabled(false);
        p.notifier.release()->deleteLater();
    }
    m_pending.reset();
    emit blockedChanged(false);
    finish(call, value, partial ? 0 : EINTR);
    return true;
}

std::optional<CallResult> BsdHost::result(CallId call) const
{
    const auto it = m_results.find(call);
    if (it == m_results.end()) return std::nullopt;
    return it->second;
}

std::vector<int> BsdHost::sockets() const
{
    std::vector<int> fds;
    for (const auto &[fd, owner] : m_fds)
        fds.push_back(fd);
    return fds;
}

void BsdHost::reset()
{
    closeAll();
    m_results.clear();
}

void BsdHost::closeAll()
{
    const bool wasBlocked = m_pending != nullptr;
    if (m_pending && m_pending->notifier) {
        // Its descriptor closes below, before the deferred delete: a live notifier would warn.
        m_pending->notifier->setEnabled(false);
        m_pending->notifier.release()->deleteLater();
    }
    m_pending.reset();
    abandonClose();
    // A new lab must not wait for these sockets' peers: no lingering close() on this thread.
    for (const auto &[fd, owner] : m_fds) {
        const linger off {0, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &off, sizeof off);
    }
    m_fds.clear();
    if (wasBlocked) emit blockedChanged(false);
}
