// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab.h"

#include "bsdhost.h"
#include "kernelprobe.h"
#include "qthost.h"
#include "trace/hostsettings.h"
#include "trace/labhosts.h"
#include "trace/trace.h"
#include "userns.h"
#include "wire.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QPointer>
#include <QSocketNotifier>
#include <cerrno>
#include <linux/netlink.h>
#include <sys/socket.h>
#include <sys/utsname.h>

#ifndef SO_NETNS_COOKIE
#define SO_NETNS_COOKIE 71
#endif

Lab::Lab(Trace *trace, QObject *parent)
    : QObject(parent)
    , m_trace(trace)
    , m_probe(std::make_unique<KernelProbe>(trace, &m_lock))
    , m_wire(std::make_unique<Wire>(trace, &m_lock))
{
    for (int i = 0; i < 2; ++i) {
        m_bsd[i] = std::make_unique<BsdHost>(this, Side(i));
        m_qt[i] = std::make_unique<QtHost>(this, Side(i));
    }
    // The wire reads the receiving kernel right after each write, under the lab lock, before it
    // moves on to its next segment: a state that segment made is recorded even if the next one ends it.
    m_wire->setProbe(m_probe.get());
    connect(m_wire.get(), &Wire::activity, m_probe.get(), &KernelProbe::requestPoll);
    // Qt reads, writes, accepts and closes lab sockets by itself when they turn ready, from its
    // socket notifiers: those calls take the lab lock too (eventFilter()).
    if (QCoreApplication *app = QCoreApplication::instance()) app->installEventFilter(this);
}

Lab::~Lab()
{
    stop();
}

QString Lab::defaultHelperPath()
{
    const QString fromEnv = qEnvironmentVariable("SYNSCOPE_LAB_HELPER");
    if (!fromEnv.isEmpty()) return fromEnv;
    const QDir dir(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {dir.filePath(QStringLiteral("synscope-lab-helper")),
                                     dir.filePath(QStringLiteral("../libexec/synscope-lab-helper"))}) {
        if (QFileInfo::exists(candidate)) return QDir::cleanPath(candidate);
    }
    return dir.filePath(QStringLiteral("synscope-lab-helper"));
}

QString Lab::address(int ipVersion, Side side)
{
    return QString::fromLatin1(labproto::hostAddress(ipVersion, side == Side::Client));
}

void Lab::setIpVersion(int version)
{
    m_nextIpVersion = version == 6 ? 6 : 4;
}

bool Lab::fail(const LabError &error)
{
    m_error = error;
    teardown();
    // The helper may sit inside a half-made namespace: ending it is what lets the kernel free it.
    m_helperWatch.reset();
    m_helper.stop();
    return false;
}

void Lab::failLater(const LabError &error)
{
    // Not now: the caller is inside a call of a program of this lab, which teardown() would reset
    // under its feet.
    if (m_failing) return;
    m_failing = true;
    QMetaObject::invokeMethod(
        this,
        [this, error] {
            if (!m_failing) return; // a new lab was started meanwhile
            m_failing = false;
            const QString message = error.message();
            fail(error);
            emit failed(message);
        },
        Qt::QueuedConnection);
}

void Lab::teardown()
{
    const bool wasReady = m_ready;
    m_ready = false;
    // TUNs first (their devices vanish with them), then every socket: once the last reference
    // is gone, the kernel tears the namespaces down.
    m_wire->detach();
    for (int i = 0; i < 2; ++i) {
        m_bsd[i]->reset();
        m_qt[i]->reset();
    }
    m_probe->detach();
    m_hosts = {};
    m_quickAck[0] = m_quickAck[1] = false; // a new lab's routes have no metric
    if (wasReady) emit readyChanged(false);
}

bool Lab::start(const Options &options)
{
    teardown();
    m_options = options;
    m_error = {};
    m_failing = false;
    if (m_options.helperPath.isEmpty()) m_options.helperPath = defaultHelperPath();
    if (m_options.tunPath.isEmpty())
        m_options.tunPath = qEnvironmentVariable("SYNSCOPE_TUN_PATH", QStringLiteral("/dev/net/tun"));
    if (m_helper.isBroken()) {
        // A helper that stopped answering may answer late: a new lab gets a new helper.
        m_helperWatch.reset();
        m_helper.stop();
    }
    if (!m_helper.isRunning()) {
        m_helperWatch.reset();
        m_helper.setReplyTimeout(m_options.helperTimeoutMs);
        if (!m_helper.start(m_options.helperPath, m_options.tunPath, &m_error))
            return fail(explainUserNamespaceRefusal(m_error, m_options.helperPath));
        m_helperWatch = std::make_unique<QSocketNotifier>(m_helper.controlFd(), QSocketNotifier::Read);
        connect(m_helperWatch.get(), &QSocketNotifier::activated, this, &Lab::helperActivity);
    }
    m_trace->clear();
    std::array<UniqueFd, 2> tuns;
    LabError error;
    m_ipVersion = m_nextIpVersion;
    if (!m_helper.newLab(m_ipVersion, tuns, m_hosts, &error))
        return fail(explainUserNamespaceRefusal(error, m_options.helperPath));
    UniqueFd diag[2];
    for (int i = 0; i < 2; ++i) {
        diag[i] = m_helper.newSocket(labproto::Host(i), AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG, &error);
        if (!diag[i]) return fail(error);
    }
    utsname u {};
    uname(&u);
    TraceInfo info;
    info.source = QStringLiteral("lab");
    info.clientAddress = address(Side::Client);
    info.serverAddress = address(Side::Server);
    info.kernel = QString::fromLatin1(u.release);
    m_trace->setInfo(info);
    m_trace->now(); // the clock starts with the lab
    // A fresh lab holds every segment until it is acted on, whatever the last run switched to: a
    // scenario that set the wire to auto must not leave the next recording without its held SYN.
    for (Direction d : {Direction::ClientToServer, Direction::ServerToClient})
        m_wire->setMode(d, Wire::Mode::Step);
    // The probe first: the wire thread reads kernels through it from its first delivery on.
    m_probe->attach(std::move(diag[0]), std::move(diag[1]), m_ipVersion == 6 ? AF_INET6 : AF_INET);
    if (!m_wire->attach(std::move(tuns[0]), std::move(tuns[1]), &error)) return fail(error);
    m_ready = true;
    emit readyChanged(true);
    return true;
}

bool Lab::start()
{
    return start(Options {});
}

void Lab::stop()
{
    teardown();
    m_helperWatch.reset();
    m_helper.stop();
}

void Lab::close()
{
    teardown();
}

void Lab::helperActivity()
{
    const pid_t pid = m_helper.pid();
    if (!m_helper.checkGone()) return;
    m_helperWatch.reset();
    const QString message = tr("The lab helper (pid %1) %2; the lab stopped. Start a new lab to go on.")
                                .arg(pid)
                                .arg(m_helper.exitDescription());
    m_error = {{}, 0, message};
    teardown();
    emit failed(message);
}

QString Lab::helperDescription() const
{
    if (!m_helper.isRunning()) return tr("no lab helper");
    return tr("lab helper pid %1, %2")
        .arg(m_helper.pid())
        .arg(m_helper.usesUserNamespace() ? tr("user namespace") : tr("as root"));
}

UniqueFd Lab::newSocket(Side side, int domain, int type, int protocol, LabError *error)
{
    if (!m_ready) {
        *error = {{}, ENXIO, tr("The lab is not running.")};
        return {};
    }
    UniqueFd fd = m_helper.newSocket(labproto::Host(side), domain, type, protocol, error);
    if (!fd && error->fatal) failLater(*error);
    if (fd && !isInLab(fd.get(), side)) {
        // Never let a socket of the user's own network into the lab.
        *error = {QStringLiteral("getsockopt(SO_NETNS_COOKIE)"), EXDEV,
                  tr("The socket is not in the lab's namespace.")};
        return {};
    }
    return fd;
}

bool Lab::isSettableSysctl(const QString &name)
{
    // The helper's own rules (trace/labhosts.h): names only, never a path, nothing outside the two
    // TCP-related trees, and nothing after the name (not even a newline).
    const QByteArray bytes = name.toUtf8();
    return labproto::isSettableSysctlName(std::string_view(bytes.constData(), size_t(bytes.size())));
}

bool Lab::isSettableSysctlValue(const QString &value)
{
    const QByteArray bytes = value.toUtf8();
    return labproto::isSettableSysctlValue(std::string_view(bytes.constData(), size_t(bytes.size())));
}

bool Lab::setSysctl(Side side, const QString &name, const QString &value, LabError *error)
{
    if (!m_ready) {
        *error = {{}, ENXIO, tr("The lab is not running.")};
        return false;
    }
    if (!isSettableSysctl(name) || !isSettableSysctlValue(value)) {
        *error = {QStringLiteral("sysctl(%1)").arg(name), EINVAL,
                  tr("Only net.ipv4.tcp_* and net.core.* settings with numeric values can be set in the lab.")};
        return false;
    }
    // The value before, for the trace's record of the change; a setting the kernel lacks fails
    // below with the helper's message.
    QString before;
    LabError readError;
    const bool known = sysctl(side, name, &before, &readError);
    if (!known && readError.fatal) {
        *error = readError;
        return false;
    }
    if (!m_helper.setSysctl(labproto::Host(side), name.toLatin1(), value.toLatin1(), error)) {
        if (error->fatal) failLater(*error);
        return false;
    }
    if (!known || before != value) m_trace->appendSettingChange(side, name, before, value);
    return true;
}

bool Lab::sysctl(Side side, const QString &name, QString *value, LabError *error)
{
    if (!m_ready) {
        *error = {{}, ENXIO, tr("The lab is not running.")};
        return false;
    }
    if (!isSettableSysctl(name)) {
        *error = {QStringLiteral("sysctl(%1)").arg(name), EINVAL,
                  tr("Only net.ipv4.tcp_* and net.core.* settings with numeric values can be set in the lab.")};
        return false;
    }
    QByteArray bytes;
    if (!m_helper.getSysctl(labproto::Host(side), name.toLatin1(), &bytes, error)) {
        if (error->fatal) failLater(*error);
        return false;
    }
    *value = QString::fromLatin1(bytes);
    return true;
}

bool Lab::hostSetting(Side side, const QString &key, QString *value, LabError *error)
{
    if (key == QLatin1StringView(HostSettings::kQuickAck)) {
        *value = m_quickAck[int(side)] ? QStringLiteral("1") : QStringLiteral("0");
        return true;
    }
    return sysctl(side, key, value, error);
}

bool Lab::setHostSetting(Side side, const QString &key, const QString &value, LabError *error)
{
    if (key == QLatin1StringView(HostSettings::kQuickAck)) return setQuickAck(side, value != u"0", error);
    return setSysctl(side, key, value, error);
}

bool Lab::setQuickAck(Side side, bool on, LabError *error)
{
    if (!m_ready) {
        *error = {{}, ENXIO, tr("The lab is not running.")};
        return false;
    }
    if (!m_helper.setQuickAck(labproto::Host(side), on, error)) {
        if (error->fatal) failLater(*error);
        return false;
    }
    if (m_quickAck[int(side)] != on) {
        m_quickAck[int(side)] = on;
        m_trace->appendSettingChange(side, QString::fromLatin1(HostSettings::kQuickAck),
                                     on ? QStringLiteral("0") : QStringLiteral("1"),
                                     on ? QStringLiteral("1") : QStringLiteral("0"));
    }
    return true;
}

bool Lab::restartHost(Side side, LabError *error)
{
    if (!m_ready) {
        *error = {{}, ENXIO, tr("The lab is not running.")};
        return false;
    }
    // What the host's settings were, so the trace (and the diagram's header) says which ones the
    // new kernel's defaults changed back.
    std::vector<std::pair<QString, QString>> before;
    for (const HostSetting &s : HostSettings::all()) {
        QString value;
        LabError unread;
        const QString key = QLatin1StringView(s.key);
        if (s.inPanel && hostSetting(side, key, &value, &unread)) before.emplace_back(key, value);
    }
    UniqueFd tun;
    labproto::HostInfo info {};
    if (!m_helper.restartHost(labproto::Host(side), tun, info, error)) {
        if (error->fatal) failLater(*error);
        return false;
    }
    const labproto::HostInfo old = m_hosts[int(side)];
    m_hosts[int(side)] = info;
    UniqueFd diag = m_helper.newSocket(labproto::Host(side), AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG, error);
    if (!diag) {
        m_hosts[int(side)] = old;
        if (error->fatal) failLater(*error);
        return false;
    }
    const LabLock::Hold hold = m_lock.hold();
    // The wire lets go of the old TUN first: what the old kernel sends as its sockets close below
    // (their RSTs) goes to a TUN nobody reads, as a powered-off machine's would go nowhere.
    m_wire->replaceTun(side, std::move(tun));
    m_bsd[int(side)]->closeAll();
    m_qt[int(side)]->reset();
    CallRecord note;
    note.fn = QStringLiteral("host restarted");
    note.detail = QStringLiteral("new kernel, same address");
    m_trace->appendCall(m_trace->now(), side, EventKind::Signal, std::move(note));
    // The new kernel has no socket: what the probe knew of the old one's is recorded as gone.
    m_probe->replaceDiag(side, std::move(diag));
    m_probe->readNow(side);
    m_quickAck[int(side)] = false; // the new host's route has no metric
    for (const auto &[key, old] : before) {
        QString now;
        LabError unread;
        if (hostSetting(side, key, &now, &unread) && now != old) m_trace->appendSettingChange(side, key, old, now);
    }
    return true;
}

bool Lab::eventFilter(QObject *watched, QEvent *event)
{
    // A socket notifier of a lab socket is about to run what is waiting for that socket: Qt's own
    // read, write, accept or close, or a BSD call's retry. It runs under the lab lock, so the wire
    // never writes into a TUN while such a call owns a socket (the segment would wait in the
    // socket's backlog and the state read after the write would miss what it did).
    if (event->type() != QEvent::SockAct || !m_ready) return false;
    auto *notifier = qobject_cast<QSocketNotifier *>(watched);
    if (!notifier
        || !(isInLab(int(notifier->socket()), Side::Client) || isInLab(int(notifier->socket()), Side::Server)))
        return false;
    const QPointer<QSocketNotifier> alive(notifier);
    const LabLock::Hold hold = m_lock.hold();
    // Taking the hold records what the wire did first, and Qt may act on it at once (it reads a FIN
    // and closes the socket): the notifier may be gone or off by now, with nothing left to do.
    if (!alive || !notifier->isEnabled()) return true;
    // Delivered here, inside the hold; returning true stops the delivery that would follow.
    static_cast<QObject *>(notifier)->event(event);
    return true;
}

bool Lab::isInLab(int fd, Side side) const
{
    quint64 cookie = 0;
    socklen_t len = sizeof cookie;
    if (getsockopt(fd, SOL_SOCKET, SO_NETNS_COOKIE, &cookie, &len) != 0) return false;
    return m_ready && cookie == m_hosts[int(side)].netnsCookie;
}
