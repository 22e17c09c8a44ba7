// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "helperprotocol.h"
#include "laberror.h"
#include "uniquefd.h"

#include <QString>
#include <array>
#include <optional>
#include <sys/types.h>

// The app's side of synscope-lab-helper: spawns it with one end of a socketpair, and asks it for
// namespaces and sockets. Requests are synchronous (the helper answers in microseconds) with a
// time limit, so a stuck or dead helper is an error, never a hang: a fatal one (LabError::fatal),
// which says so ("the lab helper did not answer within 10 s") instead of an errno of the call.
class HelperProcess {
public:
    HelperProcess() = default;
    ~HelperProcess();
    HelperProcess(const HelperProcess &) = delete;
    HelperProcess &operator=(const HelperProcess &) = delete;

    bool start(const QString &helperPath, const QString &tunPath, LabError *error);
    bool isRunning() const { return m_pid > 0; }
    // It stopped answering: every request fails until stop() (see m_broken).
    bool isBroken() const { return m_broken.has_value(); }
    pid_t pid() const { return m_pid; }
    int controlFd() const { return m_control.get(); }
    bool usesUserNamespace() const { return m_userNamespace; }
    // How long a request waits for the helper's answer (10 s; the tests make it short).
    void setReplyTimeout(int ms) { m_replyTimeoutMs = ms; }

    // Fresh namespaces over IP version 4 or 6.
    bool newLab(int ipVersion, std::array<UniqueFd, 2> &tuns, std::array<labproto::HostInfo, 2> &hosts,
                LabError *error);
    UniqueFd newSocket(labproto::Host host, int domain, int type, int protocol, LabError *error);
    bool setSysctl(labproto::Host host, const QByteArray &name, const QByteArray &value, LabError *error);
    bool setQuickAck(labproto::Host host, bool on, LabError *error);
    bool getSysctl(labproto::Host host, const QByteArray &name, QByteArray *value, LabError *error);
    // A fresh namespace in place of the host's (Op::RestartHost): its TUN and its HostInfo.
    bool restartHost(labproto::Host host, UniqueFd &tun, labproto::HostInfo &info, LabError *error);

    // True when the helper has gone (its end of the socketpair closed); reaps it then.
    bool checkGone();
    // How it ended, after checkGone() or stop(): "was killed by signal 9 (SIGKILL)".
    QString exitDescription() const { return m_exitDescription; }
    // Ends the helper and waits for it: the namespaces go away with their last reference.
    void stop();

private:
    bool request(const labproto::Request &req, labproto::Reply &reply, int *fds, int maxFds, LabError *error);
    bool receive(labproto::Reply &reply, int *fds, int maxFds, int *nfds, LabError *error);
    void reap(bool block);
    LabError diedError(const QString &call);
    LabError outOfDescriptors(int err);

    pid_t m_pid = -1;
    UniqueFd m_control;
    bool m_userNamespace = false;
    QString m_exitDescription;
    int m_replyTimeoutMs = 10000;
    // Set when the helper stopped answering: a late answer would be taken for the next request's,
    // so every request fails with this until the helper is stopped (LabError::fatal).
    std::optional<LabError> m_broken;
};
