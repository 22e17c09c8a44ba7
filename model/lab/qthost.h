// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bsdhost.h"
#include "trace/event.h"

#include <QAbstractSocket>
#include <QObject>
#include <QPointer>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class Lab;
class QTcpServer;
class QTcpSocket;

// The Qt program on one host: QTcpServer and QTcpSocket doing their own work on sockets of the
// lab's namespace. Sockets are made inside the namespace and adopted (a listening socket by
// QTcpServer::setSocketDescriptor; a bound one by QTcpSocket::setSocketDescriptor in BoundState,
// after which Qt's own connectToHost issues the real connect()). Qt's API calls and the signals
// it emits are recorded as such, apart from the syscalls Qt makes inside them — but for one:
// the accept() QTcpServer makes by itself when its listener turns readable, recorded as a signal
// event "accept" (args {"by": "QTcpServer"}, result the new descriptor) just before newConnection().
// A signal Qt emits inside one of these calls (disconnected() inside disconnectFromHost()) names
// that call in its CallRecord::callEvent. QTcpServer::listen() and a plain connectToHost() are
// never called: they would open real sockets on the user's network.
class QtHost : public QObject {
    Q_OBJECT
public:
    using CallId = qsizetype;

    QtHost(Lab *lab, Side side, QObject *parent = nullptr);
    ~QtHost() override;

    // Server: QTcpServer::listen(address of this host, port).
    CallId listen(quint16 port);
    // Server: QTcpServer::nextPendingConnection(); the result is the new socket's id (-1 for
    // nullptr), the detail what the call hands over: "socket 0 (10.0.0.1:50435)" or "nullptr".
    CallId nextPendingConnection();
    // Client: QTcpSocket::connectToHost(address, port); the new socket's id is socketCount()-1.
    CallId connectToHost(const QString &address, quint16 port);

    CallId write(int socketId, const QByteArray &data);
    CallId readAll(int socketId);
    CallId disconnectFromHost(int socketId);
    CallId close(int socketId);
    CallId abort(int socketId);

    QTcpServer *server() const { return m_server.get(); }
    QTcpSocket *socket(int socketId) const;
    int socketCount() const { return int(m_sockets.size()); }
    std::optional<CallResult> result(CallId call) const;
    QString refusal() const { return m_refusal; }
    void reset();

signals:
    void returned(qsizetype callEvent, qsizetype returnEvent);
    void signalled(qsizetype signalEvent);

private:
    CallId begin(const QString &fn, QJsonObject args);
    void finish(CallId call, std::optional<qint64> value, int err = 0, const QString &detail = {});
    void recordSignal(const QString &name, QJsonObject args, const QString &detail = {});
    void recordAccept(qintptr fd);
    void watchDeliveries();
    void segmentDelivered(Side receiver, quint8 tcpFlags);
    int adopt(QTcpSocket *socket);
    bool validSocket(int socketId);
    template<typename Fn>
    CallId socketCall(const QString &fn, int socketId, QJsonObject args, Fn &&body);

    Lab *m_lab;
    Side m_side;
    std::unique_ptr<QTcpServer> m_server;
    std::vector<QPointer<QTcpSocket>> m_sockets;
    std::map<CallId, CallResult> m_results;
    QString m_refusal;
    CallId m_inside = -1; // the Qt call being made: a signal emitted now is emitted inside it
    bool m_watchingDeliveries = false;
};
