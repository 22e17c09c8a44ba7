// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "helperprotocol.h"
#include "laberror.h"
#include "uniquefd.h"

#include <QString>
#include <array>
#include <sys/types.h>

// The app's side of synscope-lab-helper: spawns it with one end of a socketpair, and asks it for
// namespaces and sockets. Requests are synchronous (the helper answers in microseconds) with a
// time limit, so a stuck or dead helper is an error, never a hang.
class HelperProcess {
public:
    HelperProcess() = default;
    ~HelperProcess();
    HelperProcess(const HelperProcess &) = delete;
    HelperProcess &operator=(const HelperProcess &) = delete;

    bool start(const QString &helperPath, const QString &tunPath, LabError *error);
    bool isRunning() const { return m_pid > 0; }
    pid_t pid() const { return m_pid; }
    int controlFd() const { return m_control.get(); }
    bool usesUserNamespace() const { return m_userNamespace; }

    bool newLab(std::array<UniqueFd, 2> &tuns, std::array<labproto::HostInfo, 2> &hosts, LabError *error);
    UniqueFd newSocket(labproto::Host host, int domain, int type, int protocol, LabError *error);
    bool setSysctl(labproto::Host host, const QByteArray &name, const QByteArray &value, LabError *error);

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

    pid_t m_pid = -1;
    UniqueFd m_control;
    bool m_userNamespace = false;
    QString m_exitDescription;
};
