// SPDX-License-Identifier: GPL-3.0-or-later
//
// bench_lab: what the lab costs, measured on this machine's kernels.
//   1. how long a fresh lab takes once the helper runs (Lab::restart); and, with a helper of its
//      own, the bare close-TUNs-and-NewLab cycle, plain and with the TUNs made persistent,
//   2. a bulk transfer through the Wire in auto mode with no latency (segments/s, MB/s), and
//      again with the kernel probe detached, with what one sock_diag dump costs,
//   3. the same transfer through a minimal relay that only copies packets between the two TUNs,
//   4. the same transfer over the server namespace's own loopback, for context,
//   5. what the trace keeps per segment beyond the packet bytes,
//   6. how late a 5 ms timer on the GUI thread (the window's event loop) gets while the wire
//      carries the transfer,
//   7. with --load, the wire and the relay again while a busy loop runs on every CPU (what a
//      parallel build does to the machine), printed beside the quiet figures.
// It prints figures and never judges them: it exits non-zero only when the lab cannot start or
// a transfer fails (and says why). Usage: bench_lab [--bytes N] [--restarts N] [--repeat N] [--load] [--ip 6]
// (--ip 6: the lab, the wire and the relay over IPv6; the loopback reference stays 127.0.0.1)
// Each transfer runs --repeat times, interleaved, and the run of median duration is shown: on a
// small shared machine single runs vary by a third. Results go to stdout once everything has
// run; progress goes to stderr.

#include "lab/helperprocess.h"
#include "lab/kernelprobe.h"
#include "lab/lab.h"
#include "lab/socketaddress.h"
#include "lab/wire.h"
#include "trace/trace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <limits>
#include <linux/if_tun.h>
#include <linux/netlink.h>
#include <mutex>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <thread>
#include <vector>

namespace {

constexpr qint64 kDefaultBytes = 50'000'000;
constexpr int kDefaultRestarts = 50;
constexpr int kDefaultRepeats = 3; // each transfer, interleaved: the median run is shown
constexpr size_t kIoBuffer = 256 * 1024; // per send()/recv(): big, so the application is never the bottleneck
constexpr size_t kPatternPeriod = 251; // prime: no segment or buffer size lines up with it
constexpr int kTickMs = 5;
constexpr int kMaxPacket = 65536;
constexpr int kSocketTimeoutS = 10; // a stalled transfer ends in EAGAIN instead of hanging a thread
constexpr quint16 kWirePort = 5001;
constexpr quint16 kRelayPort = 5002;
constexpr quint16 kLoopbackPort = 5003;

// The byte at stream offset o is o % 251; the receiver checks every byte against it, so a wire
// that loses, reorders or corrupts data fails the run instead of printing a fine throughput.
const std::vector<char> &pattern()
{
    static const std::vector<char> bytes = [] {
        std::vector<char> v(kIoBuffer + kPatternPeriod);
        for (size_t i = 0; i < v.size(); ++i)
            v[i] = char(i % kPatternPeriod);
        return v;
    }();
    return bytes;
}

QString sysError(const QString &call, int err)
{
    return LabError {call, err, {}}.message();
}

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

qint64 mean(const std::vector<qint64> &v)
{
    qint64 sum = 0;
    for (qint64 x : v)
        sum += x;
    return v.empty() ? 0 : sum / qint64(v.size());
}

// Nearest-rank percentile of unsorted samples.
qint64 percentile(std::vector<qint64> v, double p)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto rank = size_t(std::max(1.0, std::ceil(p * double(v.size()))));
    return v[std::min(rank, v.size()) - 1];
}

// The lab's IP version for the wire and relay transfers (--ip): 4 or 6.
int g_ip = 4;

int labFamily()
{
    return g_ip == 6 ? AF_INET6 : AF_INET;
}

SocketAddress address(const char *ip, quint16 port)
{
    SocketAddress a;
    toSocketAddress(QString::fromLatin1(ip), port, a);
    return a;
}

void setTimeouts(int fd)
{
    const timeval tv {kSocketTimeoutS, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

// Binds and listens; empty on success, else why not.
QString listenOn(int fd, const SocketAddress &at)
{
    const int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    setTimeouts(fd); // an accepted socket inherits them
    if (::bind(fd, at.get(), at.length) != 0) return sysError(QStringLiteral("bind"), errno);
    if (::listen(fd, 4) != 0) return sysError(QStringLiteral("listen"), errno);
    return {};
}

// One bulk transfer: a sender thread (connect, then blocking send()s) and a receiver thread
// (accept, then blocking recv()s that check every byte), while the calling thread pumps packets.
struct Transfer {
    qint64 bytes = 0;
    QElapsedTimer clock; // started just before the threads
    std::atomic<bool> done {false}; // the receiver has every byte
    std::atomic<bool> failed {false};
    std::atomic<int> acceptedFd {-1};
    std::atomic<qint64> endNs {0};
    std::atomic<qint64> received {0};
    std::atomic<qint64> retransmitted {-1}; // the sender's tcpi_total_retrans at the end
    std::function<void()> wake; // called from a worker thread when the transfer ends either way
    std::mutex mutex;
    QString error;

    bool finished() const { return done || failed; }
    void fail(const QString &why)
    {
        {
            const std::lock_guard lock(mutex);
            if (error.isEmpty()) error = why;
        }
        failed = true;
        if (wake) wake();
    }
};

void receiverMain(Transfer &t, int listenFd)
{
    int fd;
    do
        fd = ::accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) return t.fail(sysError(QStringLiteral("accept"), errno));
    t.acceptedFd = fd;
    std::vector<char> buffer(kIoBuffer);
    const char *expected = pattern().data();
    qint64 got = 0;
    while (got < t.bytes) {
        const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return t.fail(sysError(QStringLiteral("recv after %1 of %2 bytes").arg(got).arg(t.bytes), errno));
        if (n == 0) return t.fail(QStringLiteral("recv: end of stream after %1 of %2 bytes").arg(got).arg(t.bytes));
        if (std::memcmp(buffer.data(), expected + size_t(got) % kPatternPeriod, size_t(n)) != 0)
            return t.fail(QStringLiteral("recv: wrong bytes in [%1, %2)").arg(got).arg(got + n));
        got += n;
        t.received = got;
    }
    t.endNs = t.clock.nsecsElapsed();
    t.done = true;
    if (t.wake) t.wake();
}

void senderMain(Transfer &t, int fd, SocketAddress to)
{
    int rc;
    do
        rc = ::connect(fd, to.get(), to.length);
    while (rc != 0 && errno == EINTR);
    if (rc != 0) return t.fail(sysError(QStringLiteral("connect"), errno));
    const char *source = pattern().data();
    qint64 sent = 0;
    while (sent < t.bytes) {
        const size_t chunk = size_t(std::min<qint64>(qint64(kIoBuffer), t.bytes - sent));
        const ssize_t n = ::send(fd, source + size_t(sent) % kPatternPeriod, chunk, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return t.fail(sysError(QStringLiteral("send after %1 of %2 bytes").arg(sent).arg(t.bytes), errno));
        sent += n;
    }
    tcp_info info {};
    socklen_t len = sizeof info;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &len) == 0) t.retransmitted = info.tcpi_total_retrans;
}

struct TransferResult {
    bool ok = false;
    QString error;
    qint64 durationNs = 0;
    qint64 retransmitted = -1; // segments the sender's kernel sent again (TCP_INFO); -1 unknown
    qint64 pumpCpuNs = 0; // CPU time of the calling thread (the relay; the GUI thread for the wire), user + system
};

qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// pump runs in the calling thread until t.finished() or the deadline (ms after the start).
TransferResult runTransfer(int listenFd, int clientFd, const SocketAddress &to, qint64 bytes,
                           const std::function<void(Transfer &, qint64 deadlineMs)> &pump,
                           const std::function<void()> &wake = {})
{
    Transfer t;
    t.bytes = bytes;
    t.wake = wake;
    setTimeouts(clientFd);
    const qint64 deadlineMs = 20'000 + bytes / 10'000; // 25 s for 50 MB: only a stalled wire gets near it
    t.clock.start();
    std::thread receiver(receiverMain, std::ref(t), listenFd);
    std::thread sender(senderMain, std::ref(t), clientFd, to);
    const qint64 cpuBefore = threadCpuNs();
    pump(t, deadlineMs);
    const qint64 pumpCpuNs = threadCpuNs() - cpuBefore;
    if (!t.done) {
        // Unblock both threads: shutdown() wakes a blocked accept, recv, send or connect.
        t.fail(QStringLiteral("no complete transfer within %1 s (%2 of %3 bytes received)")
                   .arg(deadlineMs / 1000)
                   .arg(t.received.load())
                   .arg(bytes));
        ::shutdown(listenFd, SHUT_RDWR);
        ::shutdown(clientFd, SHUT_RDWR);
        if (const int fd = t.acceptedFd; fd >= 0) ::shutdown(fd, SHUT_RDWR);
    }
    receiver.join();
    sender.join();
    if (const int fd = t.acceptedFd; fd >= 0) ::close(fd);
    TransferResult r;
    r.ok = t.done && !t.failed;
    r.error = t.error;
    r.durationNs = t.endNs;
    r.retransmitted = t.retransmitted;
    r.pumpCpuNs = pumpCpuNs;
    return r;
}

// ---- the measurements ---------------------------------------------------------------------------

QString helperPath()
{
    const QString fromEnv = qEnvironmentVariable("SYNSCOPE_LAB_HELPER");
    return fromEnv.isEmpty() ? QStringLiteral(SYNSCOPE_BENCH_HELPER) : fromEnv;
}

// The run of median duration.
template<typename Run>
const Run &medianRun(const std::vector<Run> &runs)
{
    std::vector<const Run *> sorted;
    for (const Run &r : runs)
        sorted.push_back(&r);
    std::sort(sorted.begin(), sorted.end(), [](const Run *a, const Run *b) { return a->durationNs < b->durationNs; });
    return *sorted[(sorted.size() - 1) / 2];
}

// "median of 3 runs; 41.0 to 52.3 MB/s": the spread of the runs' payload rates.
template<typename Run>
QString rateRange(const std::vector<Run> &runs, qint64 bytes)
{
    qint64 fastest = std::numeric_limits<qint64>::max();
    qint64 slowest = 0;
    for (const Run &r : runs) {
        fastest = std::min(fastest, r.durationNs);
        slowest = std::max(slowest, r.durationNs);
    }
    return QStringLiteral("median of %1 runs; %2 to %3 MB/s")
        .arg(runs.size())
        .arg(double(bytes) / 1e6 / (double(slowest) / 1e9), 0, 'f', 1)
        .arg(double(bytes) / 1e6 / (double(fastest) / 1e9), 0, 'f', 1);
}

void progress(const char *what)
{
    std::fprintf(stderr, "bench_lab: %s\n", what);
}

// The machine's 1-minute load average, as /proc/loadavg says: the quiet figures are only as quiet
// as the machine was.
QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly)) return QStringLiteral("?");
    return QString::fromLatin1(f.readLine().split(' ').value(0));
}

// A busy loop on every CPU for as long as it lives: child processes that only spin, at the bench's
// own priority, as the compilers of a parallel build would. They die with the bench
// (PR_SET_PDEATHSIG) even if it crashes, and are killed and reaped when this goes.
class BusyLoops {
public:
    explicit BusyLoops(unsigned count)
    {
        const pid_t parent = ::getpid();
        for (unsigned i = 0; i < count; ++i) {
            const pid_t pid = ::fork();
            if (pid == 0) {
                // Only async-signal-safe calls in the child of a threaded process.
                ::prctl(PR_SET_PDEATHSIG, SIGKILL);
                if (::getppid() != parent) ::_exit(0);
                volatile unsigned long spins = 0;
                for (;;)
                    spins = spins + 1;
            }
            if (pid > 0) m_pids.push_back(pid);
        }
    }
    ~BusyLoops()
    {
        for (pid_t pid : m_pids)
            ::kill(pid, SIGKILL);
        for (pid_t pid : m_pids)
            ::waitpid(pid, nullptr, 0);
    }
    BusyLoops(const BusyLoops &) = delete;
    BusyLoops &operator=(const BusyLoops &) = delete;
    size_t count() const { return m_pids.size(); }

private:
    std::vector<pid_t> m_pids;
};

struct LabFigures {
    qint64 firstStartNs = 0;
    std::vector<qint64> restartNs;
    // The parts of a restart, measured with a helper of our own.
    std::vector<qint64> newLabNs; // the helper's NewLab request: two namespaces with their TUNs
    std::vector<qint64> closeTunsNs; // closing the two TUN fds of the previous lab
    // Both again, with the TUNs made persistent: closing one then no longer unregisters its
    // device; it goes with its namespace, in the kernel's own asynchronous clean-up.
    std::vector<qint64> persistentCycleNs;
    bool persistentOk = true;
};

bool measureRestarts(Lab &lab, HelperProcess &helper, int restarts, LabFigures &f, QString *error)
{
    QElapsedTimer clock;
    clock.start();
    if (!lab.start(Lab::Options {helperPath(), {}})) {
        *error = QStringLiteral("the lab cannot start: ") + lab.error().message();
        return false;
    }
    f.firstStartNs = clock.nsecsElapsed();
    for (int i = 0; i < restarts; ++i) {
        clock.start();
        if (!lab.restart()) {
            *error = QStringLiteral("lab restart %1 failed: %2").arg(i + 1).arg(lab.error().message());
            return false;
        }
        f.restartNs.push_back(clock.nsecsElapsed());
    }
    LabError labError;
    if (!helper.start(helperPath(), QStringLiteral("/dev/net/tun"), &labError)) {
        *error = QStringLiteral("own helper: ") + labError.message();
        return false;
    }
    // In Lab::restart's order: the old lab's TUNs are closed first, then the new lab is made.
    std::array<UniqueFd, 2> tuns;
    std::array<labproto::HostInfo, 2> hosts {};
    for (int persistent = 0; persistent < 2; ++persistent) {
        for (int i = 0; i <= restarts; ++i) {
            clock.start();
            tuns[0].reset();
            tuns[1].reset();
            const qint64 closeNs = clock.nsecsElapsed();
            clock.start();
            if (!helper.newLab(g_ip, tuns, hosts, &labError)) {
                *error = QStringLiteral("own helper, new lab: ") + labError.message();
                return false;
            }
            const qint64 newLabNs = clock.nsecsElapsed();
            if (persistent) {
                for (const UniqueFd &tun : tuns)
                    f.persistentOk = f.persistentOk && ::ioctl(tun.get(), TUNSETPERSIST, 1) == 0;
            }
            if (i == 0) // no old lab was closed
                continue;
            if (persistent) {
                f.persistentCycleNs.push_back(closeNs + newLabNs);
            } else {
                f.closeTunsNs.push_back(closeNs);
                f.newLabNs.push_back(newLabNs);
            }
        }
    }
    return true;
}

struct WireFigures {
    qint64 durationNs = 0;
    qint64 sends = 0;
    qint64 dataSends = 0;
    qint64 retransmissions = 0; // Send events the wire marked as retransmissions
    qint64 kernelRetransmits = -1; // the sender's count (TCP_INFO)
    qint64 cpuNs = 0; // the wire's thread, during the transfer
    qint64 guiCpuNs = 0; // the GUI thread's (recording what the wire thread hands over, the ticks)
    quint64 packets = 0; // what the wire read, parsed or not
    quint64 writeErrors = 0;
    qsizetype events = 0;
    qsizetype packetBytes = 0;
    qsizetype overheadBytes = 0;
    std::vector<qint64> latenessNs; // of a 5 ms precise timer on the GUI thread
};

// A transfer through the lab's Wire, in a fresh lab. With probe false, the kernel probe is
// detached first (a diagnostic: the wire's own cost, without sock_diag polls).
bool measureWire(Lab &lab, qint64 bytes, bool probe, WireFigures &f, QString *error)
{
    if (!lab.restart()) {
        *error = QStringLiteral("lab restart: ") + lab.error().message();
        return false;
    }
    if (!probe) lab.probe()->detach();
    Wire *wire = lab.wire();
    wire->setMode(Direction::ClientToServer, Wire::Mode::Auto, 0);
    wire->setMode(Direction::ServerToClient, Wire::Mode::Auto, 0);
    LabError labError;
    UniqueFd listenFd = lab.newSocket(Side::Server, labFamily(), SOCK_STREAM, 0, &labError);
    UniqueFd clientFd = listenFd ? lab.newSocket(Side::Client, labFamily(), SOCK_STREAM, 0, &labError) : UniqueFd();
    if (!listenFd || !clientFd) {
        *error = QStringLiteral("lab socket: ") + labError.message();
        return false;
    }
    const SocketAddress server = address(labproto::hostAddress(g_ip, false), kWirePort);
    if (const QString why = listenOn(listenFd.get(), server); !why.isEmpty()) {
        *error = why;
        return false;
    }

    QEventLoop loop;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(kTickMs);
    QElapsedTimer sinceTick;
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        f.latenessNs.push_back(sinceTick.nsecsElapsed() - qint64(kTickMs) * 1'000'000);
        sinceTick.start();
    });
    const auto pump = [&](Transfer &t, qint64 deadlineMs) {
        QTimer deadline;
        deadline.setSingleShot(true);
        QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
        deadline.start(int(deadlineMs));
        sinceTick.start();
        ticker.start();
        if (!t.finished()) loop.exec();
        ticker.stop();
    };
    const auto wake = [&loop] { QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection); };
    const qint64 wireCpuBefore = wire->threadCpuNs();
    const TransferResult r = runTransfer(listenFd.get(), clientFd.get(), server, bytes, pump, wake);
    if (!r.ok) {
        *error = r.error;
        return false;
    }
    f.cpuNs = wire->threadCpuNs() - wireCpuBefore;
    wire->flush(); // what the wire thread did last, not yet handed over
    f.durationNs = r.durationNs;
    f.kernelRetransmits = r.retransmitted;
    f.guiCpuNs = r.pumpCpuNs;
    f.packets = wire->stats().packets + wire->stats().ignored;
    const Trace &trace = *lab.trace();
    for (qsizetype i = 0; i < trace.size(); ++i) {
        const Event &e = trace.at(i);
        if (e.kind != EventKind::Send) continue;
        ++f.sends;
        f.dataSends += e.length > 0 ? 1 : 0;
        f.retransmissions += (e.marks & EventMark::Retransmission) ? 1 : 0;
    }
    f.writeErrors = wire->stats().writeErrors;
    f.events = trace.size();
    f.packetBytes = trace.packets().bytesStored();
    f.overheadBytes = trace.overheadBytes();
    return true;
}

// For context: the same 5 ms timer on an event loop with nothing else to do, for as long as a wire
// transfer took. What is left of the lateness then is the scheduler's (and the machine's load).
std::vector<qint64> measureIdleLateness(qint64 durationNs)
{
    std::vector<qint64> latenessNs;
    QEventLoop loop;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(kTickMs);
    QElapsedTimer sinceTick;
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        latenessNs.push_back(sinceTick.nsecsElapsed() - qint64(kTickMs) * 1'000'000);
        sinceTick.start();
    });
    QTimer::singleShot(int(std::max<qint64>(100, durationNs / 1'000'000)), &loop, &QEventLoop::quit);
    sinceTick.start();
    ticker.start();
    loop.exec();
    return latenessNs;
}

// What one poll of the kernel probe costs: a sock_diag dump of one lab host, with the bench's
// sockets (a listener) in it.
bool measureDump(Lab &lab, std::vector<qint64> &dumpNs, QString *error)
{
    LabError labError;
    UniqueFd diag = lab.newSocket(Side::Server, AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG, &labError);
    UniqueFd listener = diag ? lab.newSocket(Side::Server, labFamily(), SOCK_STREAM, 0, &labError) : UniqueFd();
    if (!diag || !listener) {
        *error = QStringLiteral("sock_diag socket: ") + labError.message();
        return false;
    }
    listenOn(listener.get(), address(labproto::hostAddress(g_ip, false), kWirePort + 10));
    std::vector<KernelSocket> sockets;
    QElapsedTimer clock;
    for (int i = 0; i < 50; ++i) {
        int err = 0;
        clock.start();
        if (!KernelProbe::dump(diag.get(), labFamily(), sockets, &err)) {
            *error = sysError(QStringLiteral("sock_diag dump"), err);
            return false;
        }
        dumpNs.push_back(clock.nsecsElapsed());
    }
    return true;
}

struct RelayFigures {
    qint64 durationNs = 0;
    qint64 kernelRetransmits = -1;
    qint64 cpuNs = 0;
    quint64 packets = 0;
    quint64 packetBytes = 0;
    quint64 writeErrors = 0;
};

// The same transfer through a minimal relay: a lab of our own helper, whose TUNs the Wire never
// sees; a single-threaded poll() loop only copies packets between them.
bool measureRelay(HelperProcess &helper, qint64 bytes, RelayFigures &f, QString *error)
{
    LabError labError;
    std::array<UniqueFd, 2> tuns;
    std::array<labproto::HostInfo, 2> hosts {};
    if (!helper.newLab(g_ip, tuns, hosts, &labError)) {
        *error = QStringLiteral("relay lab: ") + labError.message();
        return false;
    }
    UniqueFd listenFd = helper.newSocket(labproto::Host::Server, labFamily(), SOCK_STREAM, 0, &labError);
    UniqueFd clientFd =
        listenFd ? helper.newSocket(labproto::Host::Client, labFamily(), SOCK_STREAM, 0, &labError) : UniqueFd();
    if (!listenFd || !clientFd) {
        *error = QStringLiteral("relay socket: ") + labError.message();
        return false;
    }
    const SocketAddress server = address(labproto::hostAddress(g_ip, false), kRelayPort);
    if (const QString why = listenOn(listenFd.get(), server); !why.isEmpty()) {
        *error = why;
        return false;
    }
    QString relayError;
    const auto pump = [&](Transfer &t, qint64 deadlineMs) {
        std::vector<char> buffer(kMaxPacket);
        pollfd p[2] = {{tuns[0].get(), POLLIN, 0}, {tuns[1].get(), POLLIN, 0}};
        while (!t.finished() && t.clock.elapsed() < deadlineMs) {
            if (::poll(p, 2, 10) < 0 && errno != EINTR) {
                relayError = sysError(QStringLiteral("poll"), errno);
                return;
            }
            for (int i = 0; i < 2; ++i) {
                if (!(p[i].revents & POLLIN)) continue;
                for (;;) {
                    const ssize_t n = ::read(p[i].fd, buffer.data(), buffer.size());
                    if (n < 0 && errno == EINTR) continue;
                    if (n <= 0) break; // EAGAIN: drained (the TUNs are non-blocking)
                    if (::write(p[1 - i].fd, buffer.data(), size_t(n)) != n) ++f.writeErrors;
                    ++f.packets;
                    f.packetBytes += quint64(n);
                }
            }
        }
    };
    const TransferResult r = runTransfer(listenFd.get(), clientFd.get(), server, bytes, pump);
    if (!r.ok || !relayError.isEmpty()) {
        *error = relayError.isEmpty() ? r.error : relayError;
        return false;
    }
    f.durationNs = r.durationNs;
    f.kernelRetransmits = r.retransmitted;
    f.cpuNs = r.pumpCpuNs;
    return true;
}

// For context: the same transfer over the server namespace's own lo, at MTU 1500 if it can be set.
bool measureLoopback(Lab &lab, qint64 bytes, TransferResult &result, QString &note, QString *error)
{
    if (!lab.restart()) {
        *error = QStringLiteral("lab restart: ") + lab.error().message();
        return false;
    }
    LabError labError;
    {
        // Interface ioctls work on any socket of the namespace; the helper hands out TCP ones.
        UniqueFd control = lab.newSocket(Side::Server, AF_INET, SOCK_STREAM, 0, &labError);
        if (!control) {
            *error = QStringLiteral("control socket: ") + labError.message();
            return false;
        }
        ifreq ifr {};
        std::snprintf(ifr.ifr_name, IFNAMSIZ, "lo");
        ifr.ifr_mtu = 1500;
        if (::ioctl(control.get(), SIOCSIFMTU, &ifr) == 0)
            note = QStringLiteral("lo at MTU 1500 (GSO still hands TCP 64 KB packets)");
        else
            note = QStringLiteral("lo runs at MTU 65536: ") + sysError(QStringLiteral("ioctl(SIOCSIFMTU, lo)"), errno);
    }
    UniqueFd listenFd = lab.newSocket(Side::Server, AF_INET, SOCK_STREAM, 0, &labError);
    UniqueFd clientFd = listenFd ? lab.newSocket(Side::Server, AF_INET, SOCK_STREAM, 0, &labError) : UniqueFd();
    if (!listenFd || !clientFd) {
        *error = QStringLiteral("loopback socket: ") + labError.message();
        return false;
    }
    const SocketAddress server = address("127.0.0.1", kLoopbackPort);
    if (const QString why = listenOn(listenFd.get(), server); !why.isEmpty()) {
        *error = why;
        return false;
    }
    const auto wait = [](Transfer &t, qint64 deadlineMs) {
        while (!t.finished() && t.clock.elapsed() < deadlineMs)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    };
    const TransferResult r = runTransfer(listenFd.get(), clientFd.get(), server, bytes, wait);
    if (!r.ok) {
        *error = r.error;
        return false;
    }
    result = r;
    return true;
}

// ---- output -----------------------------------------------------------------------------------

void heading(const char *title)
{
    std::printf("\n%s\n", title);
}

void row(const QString &label, const QString &value, const QString &note = {})
{
    std::printf("  %-42s %14s   %s\n", qPrintable(label), qPrintable(value), qPrintable(note));
}

QString num(double v, int decimals, const QString &unit)
{
    return QString::number(v, 'f', decimals) + u' ' + unit;
}
QString msText(qint64 ns)
{
    return num(ms(ns), 2, QStringLiteral("ms"));
}
double seconds(qint64 ns)
{
    return double(ns) / 1e9;
}
double mbPerS(qint64 bytes, qint64 ns)
{
    return ns > 0 ? double(bytes) / 1e6 / seconds(ns) : 0;
}
double perS(qint64 count, qint64 ns)
{
    return ns > 0 ? double(count) / seconds(ns) : 0;
}

QString cpuPerPacket(qint64 cpuNs, qint64 packets)
{
    return num(packets ? double(cpuNs) / 1000.0 / double(packets) : 0, 2, QStringLiteral("us"));
}

QString busyText(qint64 cpuNs, qint64 durationNs)
{
    return QStringLiteral("thread busy %1% of the transfer (user + system, the receiving kernel's work included)")
        .arg(durationNs > 0 ? 100.0 * double(cpuNs) / double(durationNs) : 0, 0, 'f', 0);
}

int failWith(const QString &why)
{
    std::fflush(stdout);
    std::fprintf(stderr, "bench_lab: FAILED: %s\n", qPrintable(why));
    return 1;
}

std::vector<qint64> allLateness(const std::vector<WireFigures> &runs)
{
    std::vector<qint64> all;
    for (const WireFigures &w : runs)
        all.insert(all.end(), w.latenessNs.begin(), w.latenessNs.end());
    return all;
}

void printWire(const std::vector<WireFigures> &runs, const WireFigures &w, qint64 bytes)
{
    row(QStringLiteral("duration"), num(ms(w.durationNs), 1, QStringLiteral("ms")));
    row(QStringLiteral("payload throughput"), num(mbPerS(bytes, w.durationNs), 1, QStringLiteral("MB/s")),
        rateRange(runs, bytes));
    row(QStringLiteral("segments/s, all"), num(perS(w.sends, w.durationNs), 0, QStringLiteral("/s")),
        QStringLiteral("%1 Send events, %2 retransmitted, %3 write errors")
            .arg(w.sends)
            .arg(w.retransmissions)
            .arg(w.writeErrors));
    row(QStringLiteral("segments/s, with payload"), num(perS(w.dataSends, w.durationNs), 0, QStringLiteral("/s")),
        QStringLiteral("%1 segments with payload; sender's kernel retransmitted %2")
            .arg(w.dataSends)
            .arg(w.kernelRetransmits));
    row(QStringLiteral("event loop: worst 5 ms timer lateness"), msText(percentile(w.latenessNs, 1.0)),
        QStringLiteral("p99 %1").arg(msText(percentile(w.latenessNs, 0.99))));
    row(QStringLiteral("wire thread CPU per packet"), cpuPerPacket(w.cpuNs, qint64(w.packets)),
        busyText(w.cpuNs, w.durationNs));
    row(QStringLiteral("GUI thread CPU per packet"), cpuPerPacket(w.guiCpuNs, qint64(w.packets)),
        QStringLiteral("busy %1% of the transfer")
            .arg(w.durationNs > 0 ? 100.0 * double(w.guiCpuNs) / double(w.durationNs) : 0, 0, 'f', 0));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Prints how fast the SynScope lab and its wire are."));
    parser.addHelpOption();
    const QCommandLineOption bytesOption(QStringLiteral("bytes"),
                                         QStringLiteral("Bytes per transfer (default 50000000)."), QStringLiteral("n"),
                                         QString::number(kDefaultBytes));
    const QCommandLineOption restartsOption(QStringLiteral("restarts"),
                                            QStringLiteral("Lab restarts to time (default 50)."), QStringLiteral("n"),
                                            QString::number(kDefaultRestarts));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          QStringLiteral("Runs of each transfer; the median is shown (default 3)."),
                                          QStringLiteral("n"), QString::number(kDefaultRepeats));
    const QCommandLineOption ipOption(
        QStringLiteral("ip"),
        QStringLiteral("The lab's IP version for the wire and relay transfers: 4 (default) or 6."),
        QStringLiteral("version"), QStringLiteral("4"));
    const QCommandLineOption loadOption(
        QStringLiteral("load"),
        QStringLiteral("Also run the wire and the relay with a busy loop on every CPU, and print both side by side."));
    parser.addOption(bytesOption);
    parser.addOption(restartsOption);
    parser.addOption(repeatOption);
    parser.addOption(loadOption);
    parser.addOption(ipOption);
    parser.process(app);
    const bool load = parser.isSet(loadOption);
    g_ip = parser.value(ipOption).toInt();
    if (g_ip != 4 && g_ip != 6) return failWith(QStringLiteral("--ip takes 4 or 6"));
    bool okBytes = false;
    bool okRestarts = false;
    bool okRepeats = false;
    const qint64 bytes = parser.value(bytesOption).toLongLong(&okBytes);
    const int restarts = parser.value(restartsOption).toInt(&okRestarts);
    const int repeats = parser.value(repeatOption).toInt(&okRepeats);
    if (!okBytes || bytes <= 0 || !okRestarts || restarts <= 0 || !okRepeats || repeats <= 0)
        return failWith(QStringLiteral("--bytes, --restarts and --repeat take positive numbers"));
    pattern(); // built once, before the threads share it

    Trace trace;
    Lab lab(&trace);
    lab.setIpVersion(g_ip);
    HelperProcess helper; // the relay's, and for the parts of a restart
    QString error;
    LabFigures labFigures;
    std::vector<WireFigures> wires(static_cast<size_t>(repeats));
    std::vector<WireFigures> wiresNoProbe(static_cast<size_t>(repeats));
    std::vector<RelayFigures> relays(static_cast<size_t>(repeats));
    std::vector<TransferResult> loops(static_cast<size_t>(repeats));
    std::vector<qint64> dumpNs;
    QString loNote;

    progress("timing lab restarts");
    if (!measureRestarts(lab, helper, restarts, labFigures, &error)) return failWith(error);
    const QString quietLoad = loadAverage();
    // Interleaved, so that whatever else this machine does weighs on every kind alike.
    for (size_t i = 0; i < size_t(repeats); ++i) {
        progress(qPrintable(QStringLiteral("transfers, round %1 of %2").arg(i + 1).arg(repeats)));
        if (!measureWire(lab, bytes, true, wires[i], &error))
            return failWith(QStringLiteral("wire transfer: ") + error);
        if (!measureWire(lab, bytes, false, wiresNoProbe[i], &error))
            return failWith(QStringLiteral("wire transfer without probe: ") + error);
        if (!measureRelay(helper, bytes, relays[i], &error))
            return failWith(QStringLiteral("relay transfer: ") + error);
        if (!measureLoopback(lab, bytes, loops[i], loNote, &error))
            return failWith(QStringLiteral("loopback transfer: ") + error);
    }
    if (!measureDump(lab, dumpNs, &error)) return failWith(error);
    const std::vector<qint64> idleLateness = measureIdleLateness(medianRun(wires).durationNs * repeats);
    // Under load: the wire against the relay again, interleaved, while every CPU also runs a busy loop.
    std::vector<WireFigures> loadedWires;
    std::vector<RelayFigures> loadedRelays;
    std::vector<qint64> loadedIdleLateness;
    size_t spinners = 0;
    QString loadedLoad;
    if (load) {
        const BusyLoops busy(std::max(1u, std::thread::hardware_concurrency()));
        spinners = busy.count();
        loadedWires.resize(size_t(repeats));
        loadedRelays.resize(size_t(repeats));
        for (size_t i = 0; i < size_t(repeats); ++i) {
            progress(qPrintable(
                QStringLiteral("under load (%1 busy loops), round %2 of %3").arg(spinners).arg(i + 1).arg(repeats)));
            if (!measureWire(lab, bytes, true, loadedWires[i], &error))
                return failWith(QStringLiteral("wire transfer under load: ") + error);
            if (!measureRelay(helper, bytes, loadedRelays[i], &error))
                return failWith(QStringLiteral("relay transfer under load: ") + error);
        }
        loadedIdleLateness = measureIdleLateness(medianRun(loadedWires).durationNs * repeats);
        loadedLoad = loadAverage();
    }
    const WireFigures &wire = medianRun(wires);
    const WireFigures &wireNoProbe = medianRun(wiresNoProbe);
    const RelayFigures &relay = medianRun(relays);
    const TransferResult &lo = medianRun(loops);
    const std::vector<qint64> latenessNs = allLateness(wires); // every tick of every wire run (2)

    utsname u {};
    uname(&u);
    std::printf("SynScope lab benchmark: transfers of %.1f MB, kernel %s, %u CPUs, %s\n", double(bytes) / 1e6,
                u.release, std::thread::hardware_concurrency(), qPrintable(lab.helperDescription()));
    std::printf("The lab over IPv%d (%s and %s, link MTU %d)\n", g_ip, labproto::hostAddress(g_ip, true),
                labproto::hostAddress(g_ip, false), g_ip == 6 ? labproto::kMtu6 : 1500);
    std::printf("1-minute load average when the quiet transfers began: %s\n", qPrintable(quietLoad));

    heading("1. Fresh lab: two namespaces, TUNs addressed and up, sock_diag sockets");
    const qint64 medianRestart = percentile(labFigures.restartNs, 0.5);
    row(QStringLiteral("first start (spawns the helper)"), msText(labFigures.firstStartNs));
    row(QStringLiteral("Lab::restart(), median of %1").arg(restarts), msText(medianRestart),
        QStringLiteral("aim < 5 ms; ip netns add + veth ~17 ms; bare syscalls ~1.4 ms"));
    row(QStringLiteral("Lab::restart(), p90"), msText(percentile(labFigures.restartNs, 0.9)));
    std::vector<qint64> cycleNs;
    for (size_t i = 0; i < labFigures.newLabNs.size(); ++i)
        cycleNs.push_back(labFigures.closeTunsNs[i] + labFigures.newLabNs[i]);
    row(QStringLiteral("bare: close old TUNs + NewLab, median"), msText(percentile(cycleNs, 0.5)),
        QStringLiteral("own helper, no Lab: p90 %1; mean close %2 + NewLab %3")
            .arg(msText(percentile(cycleNs, 0.9)), msText(mean(labFigures.closeTunsNs)),
                 msText(mean(labFigures.newLabNs))));
    if (labFigures.persistentOk) {
        row(QStringLiteral("bare, TUNs made persistent, median"), msText(percentile(labFigures.persistentCycleNs, 0.5)),
            QStringLiteral("ioctl(TUNSETPERSIST) after NewLab: p90 %1")
                .arg(msText(percentile(labFigures.persistentCycleNs, 0.9))));
    } else {
        row(QStringLiteral("bare, TUNs made persistent"), QStringLiteral("n/a"),
            QStringLiteral("ioctl(TUNSETPERSIST) refused here"));
    }

    const double wireRate = mbPerS(bytes, wire.durationNs);
    const double relayRate = mbPerS(bytes, relay.durationNs);
    const double loRate = mbPerS(bytes, lo.durationNs);
    heading("2. Bulk transfer through the Wire (auto mode, no latency, the lab's MTU), as the app runs it");
    printWire(wires, wire, bytes);
    heading("2b. Diagnostic: the same with the kernel probe detached (no sock_diag polls)");
    printWire(wiresNoProbe, wireNoProbe, bytes);
    row(QStringLiteral("sock_diag dump of one lab host, median"), msText(percentile(dumpNs, 0.5)),
        QStringLiteral("the probe dumps both hosts per poll, at most every 2 ms"));

    heading("3. The same transfer through a minimal relay (poll, read, write; no parsing, no trace)");
    row(QStringLiteral("duration"), num(ms(relay.durationNs), 1, QStringLiteral("ms")));
    row(QStringLiteral("payload throughput"), num(relayRate, 1, QStringLiteral("MB/s")), rateRange(relays, bytes));
    row(QStringLiteral("packets/s, both directions"),
        num(perS(qint64(relay.packets), relay.durationNs), 0, QStringLiteral("/s")),
        QStringLiteral("%1 packets, %2 write errors; sender's kernel retransmitted %3")
            .arg(relay.packets)
            .arg(relay.writeErrors)
            .arg(relay.kernelRetransmits));
    row(QStringLiteral("relay thread CPU per packet"), cpuPerPacket(relay.cpuNs, qint64(relay.packets)),
        busyText(relay.cpuNs, relay.durationNs));
    row(QStringLiteral("IP bytes/s, both directions"),
        num(mbPerS(qint64(relay.packetBytes), relay.durationNs), 1, QStringLiteral("MB/s")));
    row(QStringLiteral("wire / relay throughput"), QString::number(wireRate / relayRate, 'f', 2),
        QStringLiteral("aim >= 0.8 (quiet)"));
    row(QStringLiteral("wire without probe / relay throughput"),
        QString::number(mbPerS(bytes, wireNoProbe.durationNs) / relayRate, 'f', 2));

    heading("4. For context: the same transfer over the server namespace's lo (127.0.0.1)");
    row(QStringLiteral("duration"), num(ms(lo.durationNs), 1, QStringLiteral("ms")), loNote);
    row(QStringLiteral("payload throughput"), num(loRate, 1, QStringLiteral("MB/s")), rateRange(loops, bytes));
    row(QStringLiteral("wire / lo throughput"), QString::number(wireRate / loRate, 'f', 3));

    heading("5. Trace memory after the wire transfer (2)");
    row(QStringLiteral("packet bytes kept"), num(double(wire.packetBytes) / 1e6, 1, QStringLiteral("MB")),
        QStringLiteral("%1 bytes, %2 events").arg(wire.packetBytes).arg(wire.events));
    row(QStringLiteral("overhead beyond the packet bytes"),
        num(double(wire.overheadBytes) / 1e6, 2, QStringLiteral("MB")));
    row(QStringLiteral("overhead per segment"),
        num(wire.sends ? double(wire.overheadBytes) / double(wire.sends) : 0, 1, QStringLiteral("B")),
        QStringLiteral("aim < 100 B"));
    row(QStringLiteral("  of which events"),
        num(wire.sends ? double(wire.events) * double(sizeof(Event)) / double(wire.sends) : 0, 1, QStringLiteral("B")),
        QStringLiteral("%1 events a segment of %2 B each")
            .arg(wire.sends ? double(wire.events) / double(wire.sends) : 0, 0, 'f', 2)
            .arg(sizeof(Event)));

    heading("6. GUI event-loop lateness during the wire transfer (2): 5 ms precise QTimer");
    row(QStringLiteral("ticks"), QString::number(latenessNs.size()), QStringLiteral("all %1 runs").arg(repeats));
    row(QStringLiteral("worst lateness"), msText(percentile(latenessNs, 1.0)));
    row(QStringLiteral("p99 lateness"), msText(percentile(latenessNs, 0.99)), QStringLiteral("aim <= 20 ms"));
    row(QStringLiteral("p50 lateness"), msText(percentile(latenessNs, 0.5)));

    heading("7. Quiet and under load (--load: a busy loop on every CPU during the transfers)");
    if (!load) {
        std::printf("  not run: pass --load\n\n");
        return 0;
    }
    const WireFigures &loadedWire = medianRun(loadedWires);
    const RelayFigures &loadedRelay = medianRun(loadedRelays);
    const std::vector<qint64> loadedLateness = allLateness(loadedWires);
    const double loadedWireRate = mbPerS(bytes, loadedWire.durationNs);
    const double loadedRelayRate = mbPerS(bytes, loadedRelay.durationNs);
    const auto pair = [](const QString &label, const QString &quiet, const QString &loaded, const QString &note = {}) {
        std::printf("  %-34s %14s %14s   %s\n", qPrintable(label), qPrintable(quiet), qPrintable(loaded),
                    qPrintable(note));
    };
    pair({}, QStringLiteral("quiet"), QStringLiteral("loaded"),
         QStringLiteral("%1 busy loops; load average %2 at the end").arg(spinners).arg(loadedLoad));
    pair(QStringLiteral("wire payload throughput"), num(wireRate, 1, QStringLiteral("MB/s")),
         num(loadedWireRate, 1, QStringLiteral("MB/s")), QStringLiteral("median of %1 runs each").arg(repeats));
    pair(QStringLiteral("relay payload throughput"), num(relayRate, 1, QStringLiteral("MB/s")),
         num(loadedRelayRate, 1, QStringLiteral("MB/s")));
    pair(QStringLiteral("wire / relay throughput"), QString::number(wireRate / relayRate, 'f', 2),
         QString::number(loadedWireRate / loadedRelayRate, 'f', 2), QStringLiteral("aim >= 0.8 quiet, >= 0.5 loaded"));
    pair(QStringLiteral("GUI event-loop lateness p50"), msText(percentile(latenessNs, 0.5)),
         msText(percentile(loadedLateness, 0.5)));
    pair(QStringLiteral("GUI event-loop lateness p99"), msText(percentile(latenessNs, 0.99)),
         msText(percentile(loadedLateness, 0.99)), QStringLiteral("aim <= 20 ms"));
    pair(QStringLiteral("GUI event-loop lateness, worst"), msText(percentile(latenessNs, 1.0)),
         msText(percentile(loadedLateness, 1.0)));
    pair(QStringLiteral("idle event loop's lateness p99"), msText(percentile(idleLateness, 0.99)),
         msText(percentile(loadedIdleLateness, 0.99)),
         QStringLiteral("the same timer with no transfer: the scheduler's part"));
    std::printf("\n");
    return 0;
}
