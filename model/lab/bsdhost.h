// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"
#include "uniquefd.h"

#include <QByteArray>
#include <QObject>
#include <map>
#include <memory>
#include <optional>

class Lab;
class QSocketNotifier;

// What a call returned: the value a C program sees, and errno when it is -1.
struct CallResult {
    qint64 value = 0;
    int err = 0;
    QByteArray data; // what read() returned
};

// The BSD-socket program running on one host of the lab: socket, bind, listen, connect, accept,
// write, read, shutdown, close and setsockopt, made for real on sockets of that host's namespace.
// Like a single-threaded C program it does one call at a time; a call that would block (connect,
// accept, read, a write that does not fit) is made non-blocking and "returns" when the kernel
// makes it ready, exactly as the blocking call would, without freezing the event loop. A call that
// blocks even on a non-blocking socket — close() with SO_LINGER on, which waits until the peer has
// acknowledged everything, up to the linger time — runs on a thread of its own: neither the window
// nor the wire (which must deliver the ACK that ends it) waits for it.
// Each call records a Call event and, when it completes, a Return event.
class BsdHost : public QObject {
    Q_OBJECT
public:
    using CallId = qsizetype; // the Call event's index in the trace; -1 when the call was not made

    BsdHost(Lab *lab, Side side, QObject *parent = nullptr);
    ~BsdHost() override;

    Side side() const { return m_side; }

    CallId socket();
    CallId bind(int fd, const QString &address, quint16 port);
    CallId listen(int fd, int backlog);
    CallId connect(int fd, const QString &address, quint16 port);
    CallId accept(int fd);
    CallId write(int fd, const QByteArray &data);
    CallId read(int fd, qint64 maxBytes = 4096);
    CallId shutdown(int fd, int how);
    CallId close(int fd);
    CallId setLinger(int fd, bool on, int seconds);
    CallId setReuseAddress(int fd, bool on);
    CallId setNoDelay(int fd, bool on);
    // SO_KEEPALIVE (0 or 1), TCP_KEEPIDLE, TCP_KEEPINTVL (seconds) or TCP_KEEPCNT (probes), by name;
    // any other name returns -1 with EINVAL, as the kernel would for an unknown option.
    CallId setKeepAliveOption(int fd, const QString &option, int value);

    // A call is under way (the program is blocked in it); no other call can be made meanwhile.
    bool isBlocked() const { return m_pending != nullptr; }
    QString blockedIn() const;
    // A signal for the blocked program: the call it is blocked in returns -1 EINTR at once, as a
    // blocking call interrupted by a signal handler (installed without SA_RESTART) does on Linux.
    // The kernel's side goes on unchanged: a connect() in progress goes on with its handshake (the
    // next connect() says EALREADY, then EISCONN), a write() that sent part returns that part.
    // A lingering close() cannot be interrupted so (see canInterrupt()). False if nothing was.
    bool interrupt();
    // Whether interrupt() can end the call blocked in now: not close() with SO_LINGER, whose wait
    // is on a thread of its own (and whose descriptor Linux releases whatever the signal does).
    bool canInterrupt() const;
    // Why the last call was not made (blocked, no lab); empty if it was.
    QString refusal() const { return m_refusal; }

    std::optional<CallResult> result(CallId call) const;
    bool hasReturned(CallId call) const { return result(call).has_value(); }
    // The socket descriptors this program holds, in the order it got them.
    std::vector<int> sockets() const;
    // Closes every socket without recording (a new lab starts).
    void reset();
    // The same, keeping the results of the calls made so far: the host restarts (Lab::restartHost)
    // and its program is gone, but what its calls returned stays true.
    void closeAll();

signals:
    void returned(qsizetype callEvent, qsizetype returnEvent);
    void blockedChanged(bool blocked);

private:
    enum class Op { Connect, Accept, Read, Write, Close };
    struct Pending;
    struct CloseJob;

    bool canCall();
    CallId begin(const QString &fn, QJsonObject args);
    void finish(CallId call, qint64 value, int err, const QByteArray &data = {});
    CallId immediate(const QString &fn, QJsonObject args, int fd, const std::function<int()> &syscall);
    bool knows(int fd) const { return m_fds.count(fd) != 0; }
    void block(CallId call, Op op, int fd, QByteArray data, qint64 max);
    void resume();
    void lingeringClose(CallId call, int fd);
    void closeReturned(const std::shared_ptr<CloseJob> &job, int rc, int err);
    void abandonClose();

    Lab *m_lab;
    Side m_side;
    std::map<int, UniqueFd> m_fds;
    std::map<CallId, CallResult> m_results;
    std::unique_ptr<Pending> m_pending;
    std::shared_ptr<CloseJob> m_closeJob; // a lingering close() under way on its thread
    QString m_refusal;
};
