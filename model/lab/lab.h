// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "helperprocess.h"
#include "laberror.h"
#include "lablock.h"
#include "trace/event.h"

#include <QObject>
#include <QString>
#include <array>
#include <memory>

class BsdHost;
class KernelProbe;
class QSocketNotifier;
class QtHost;
class Trace;
class Wire;

// Two real Linux TCP stacks, "client host" (10.0.0.1, or fd00::1 over IPv6) and "server host"
// (10.0.0.2, or fd00::2), each a network namespace made by synscope-lab-helper, joined by the app's
// Wire. The app never changes
// namespace: it drives sockets the helper made inside them.
//
// Everything here runs on the GUI thread but the wire's TUN reads and writes (its own thread) and a
// lingering close() (a thread per call). What reaches a kernel is serialized by lock(): the wire's
// writes with the state reads right after them, and every call on a lab socket — the BSD program's,
// the Qt program's API calls, and what Qt does by itself when a lab socket turns ready.
class Lab : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString helperPath; // empty: defaultHelperPath()
        QString tunPath; // empty: $SYNSCOPE_TUN_PATH, else /dev/net/tun
        int helperTimeoutMs = 10000; // how long a request waits for the helper before the lab stops
    };

    explicit Lab(Trace *trace, QObject *parent = nullptr);
    ~Lab() override;

    // Starts the helper if needed and makes fresh namespaces; clears the trace. False with
    // error() set when the lab cannot run here.
    bool start(const Options &options);
    bool start();
    // A fresh lab: every socket closed, new namespaces, an empty trace.
    bool restart() { return start(m_options); }
    void stop();
    // Closes this lab's sockets and TUNs and keeps the helper, so the next start() is quick: the
    // kernels can send nothing more, and nothing more is appended to the trace.
    void close();

    bool isReady() const { return m_ready; }
    const LabError &error() const { return m_error; }
    QString helperDescription() const;

    Trace *trace() const { return m_trace; }
    // The lab lock (see LabLock): the hosts hold it around each call, the probe around each read.
    LabLock &lock() { return m_lock; }
    Wire *wire() const { return m_wire.get(); }
    KernelProbe *probe() const { return m_probe.get(); }
    BsdHost *bsd(Side side) const { return m_bsd[int(side)].get(); }
    QtHost *qt(Side side) const { return m_qt[int(side)].get(); }

    // The IP version of the labs start() makes from now on, 4 or 6 (4 until set); the running lab
    // keeps its own until the next start().
    void setIpVersion(int version);
    int nextIpVersion() const { return m_nextIpVersion; }
    int ipVersion() const { return m_ipVersion; } // of this lab (of the last one while none runs)
    QString address(Side side) const { return address(m_ipVersion, side); } // "10.0.0.1" / "fd00::1"
    static QString address(int ipVersion, Side side);
    // A new socket inside a host's namespace (for the endpoints, the probe and the tests): TCP over
    // IPv4 or IPv6, or sock_diag; the helper hands out nothing else. When the lab cannot go on
    // (error->fatal: the helper stopped answering, no descriptor left), it stops on the next pass
    // of the event loop and says why with failed().
    UniqueFd newSocket(Side side, int domain, int type, int protocol, LabError *error);
    // Sets a sysctl inside a host's namespace (it stays with that lab; a new lab starts from the
    // defaults). Only isSettableSysctl() names and isSettableSysctlValue() values: the helper
    // checks the same rules again. A change is recorded in the trace (Trace::appendSettingChange)
    // with the value the kernel had before.
    bool setSysctl(Side side, const QString &name, const QString &value, LabError *error);
    // The host's route to its peer with the quickack metric (ip route … quickack 1), or without:
    // with it, the host's kernel ACKs every segment at once instead of delaying the ACK. Recorded
    // in the trace as the setting "quickack" when it changes.
    bool setQuickAck(Side side, bool on, LabError *error);
    // A sysctl's value inside a host's namespace as the kernel shows it ("4096 131072 6291456").
    bool sysctl(Side side, const QString &name, QString *value, LabError *error);
    bool quickAck(Side side) const { return m_quickAck[int(side)]; }
    // A setting of the host settings table by its key (a sysctl or "quickack"): read, or set.
    bool hostSetting(Side side, const QString &key, QString *value, LabError *error);
    bool setHostSetting(Side side, const QString &key, const QString &value, LabError *error);
    // The host "reboots" in place: a fresh namespace with the same address, whose kernel knows
    // nothing of the old one's connections (it answers their next segment with RST). The wire keeps
    // the other host and every held segment, and delivers into the new TUN from now on; the old
    // host's sockets are closed where nothing can reach the wire; the probe reads the new kernel,
    // so the old sockets are recorded as gone (CLOSED); and the trace records the restart as a
    // "host restarted" event on that side. Settings made with setSysctl() and setQuickAck() are
    // the new kernel's defaults again, and each panel setting that changed back is recorded as a
    // setting change. False with *error set when the helper could not.
    bool restartHost(Side side, LabError *error);
    static bool isSettableSysctl(const QString &name); // net.ipv4.tcp_* and net.core.* (trace/labhosts.h)
    static bool isSettableSysctlValue(const QString &value); // integers separated by single spaces
    // True when fd is a socket of this lab's host (SO_NETNS_COOKIE; no privilege needed).
    bool isInLab(int fd, Side side) const;
    quint64 netnsInode(Side side) const { return m_hosts[int(side)].netnsInode; }
    quint64 netnsCookie(Side side) const { return m_hosts[int(side)].netnsCookie; }
    pid_t helperPid() const { return m_helper.pid(); }
    bool usesUserNamespace() const { return m_helper.usesUserNamespace(); }

    // Where synscope-lab-helper is: $SYNSCOPE_LAB_HELPER, else beside the running program.
    static QString defaultHelperPath();

signals:
    void readyChanged(bool ready);
    // The lab stopped on its own (the helper died or stopped answering, the app ran out of
    // descriptors): the message says what happened.
    void failed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void teardown();
    void helperActivity();
    bool fail(const LabError &error);
    void failLater(const LabError &error);

    Trace *m_trace;
    LabLock m_lock; // before the wire and the probe, which use it until they go
    Options m_options;
    HelperProcess m_helper;
    std::unique_ptr<QSocketNotifier> m_helperWatch;
    std::array<labproto::HostInfo, 2> m_hosts {};
    std::unique_ptr<KernelProbe> m_probe; // outlives the wire, which reads kernels through it
    std::unique_ptr<Wire> m_wire;
    std::unique_ptr<BsdHost> m_bsd[2];
    std::unique_ptr<QtHost> m_qt[2];
    LabError m_error;
    bool m_ready = false;
    bool m_quickAck[2] = {false, false}; // as this lab set each host's route
    int m_nextIpVersion = 4;
    int m_ipVersion = 4;
    bool m_failing = false; // failLater() has queued the stop
};
