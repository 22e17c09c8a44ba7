// SPDX-License-Identifier: GPL-3.0-or-later
#include "qthost.h"

#include "kernelprobe.h"
#include "lab.h"
#include "socketaddress.h"
#include "trace/eventtext.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"
#include "wire.h"

#include <QHostAddress>
#include <QMetaEnum>
#include <QTcpServer>
#include <QTcpSocket>
#include <arpa/inet.h>
#include <cerrno>
#include <functional>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

namespace {
constexpr int kQtListenBacklog = 50; // what QTcpServer::listen() passes to listen(2)

QString socketErrorName(QAbstractSocket::SocketError error)
{
    return QString::fromLatin1(QMetaEnum::fromType<QAbstractSocket::SocketError>().valueToKey(error));
}

int bindTo(int fd, const QString &address, quint16 port)
{
    SocketAddress sa;
    if (!toSocketAddress(address, port, sa)) return errno = EINVAL, -1;
    return ::bind(fd, sa.get(), sa.length);
}

bool readable(qintptr fd)
{
    pollfd p {int(fd), POLLIN, 0};
    return fd >= 0 && ::poll(&p, 1, 0) == 1 && (p.revents & (POLLIN | POLLHUP | POLLERR));
}

// QTcpServer calls accept() by itself as soon as its listener is readable, and hands each new
// descriptor to incomingConnection() before it emits newConnection(): the one place the program
// can see that accept(). Told there, then handled as the base class does (a QTcpSocket on the
// descriptor, added to the pending connections).
class AcceptingServer : public QTcpServer {
public:
    std::function<void(qintptr)> accepted;

protected:
    void incomingConnection(qintptr fd) override
    {
        if (accepted) accepted(fd);
        QTcpServer::incomingConnection(fd);
    }
};
} // namespace

QtHost::QtHost(Lab *lab, Side side, QObject *parent)
    : QObject(parent)
    , m_lab(lab)
    , m_side(side)
{ }

QtHost::~QtHost()
{
    reset();
}

QtHost::CallId QtHost::begin(const QString &fn, QJsonObject args)
{
    CallRecord record;
    record.fn = fn;
    record.args = std::move(args);
    Trace *trace = m_lab->trace();
    const CallId call = trace->appendCall(trace->now(), m_side, EventKind::Call, std::move(record));
    if (m_inside < 0) m_inside = call;
    return call;
}

void QtHost::finish(CallId call, std::optional<qint64> value, int err, const QString &detail)
{
    Trace *trace = m_lab->trace();
    CallRecord record;
    record.fn = trace->callRecord(trace->at(call)).fn;
    record.hasResult = value.has_value();
    record.result = value.value_or(0);
    record.err = err;
    record.detail = detail;
    record.callEvent = call;
    const qsizetype ret = trace->appendCall(trace->now(), m_side, EventKind::Return, std::move(record));
    if (m_inside == call) m_inside = -1;
    m_results[call] = CallResult {value.value_or(0), err, detail.toUtf8()};
    // As for BsdHost: what the call did to a state (Qt's close() or disconnectFromHost() closing
    // the socket, connectToHost()'s SYN_SENT, listen()) is done when it returns; read it now.
    m_lab->probe()->readNow(m_side);
    emit returned(call, ret);
}

void QtHost::recordSignal(const QString &name, QJsonObject args, const QString &detail)
{
    // Mostly held already (a call of the program's, or Qt's notifier: Lab::eventFilter()).
    const LabLock::Hold hold = m_lab->lock().hold();
    CallRecord record;
    record.fn = name;
    record.args = std::move(args);
    record.detail = detail;
    // Qt emits some signals synchronously from inside the call that caused them (disconnected()
    // inside disconnectFromHost(), close() or abort()): the call still returns at once.
    record.callEvent = m_inside;
    Trace *trace = m_lab->trace();
    const qsizetype ev = trace->appendCall(trace->now(), m_side, EventKind::Signal, std::move(record));
    // Qt closes a socket on its own once its write buffer has drained after disconnectFromHost(),
    // and says so with disconnected(): read that at once. readyRead() comes once per arrival in a
    // transfer and changes no state, so it leaves the read to the coalesced poll.
    if (name == u"readyRead")
        m_lab->probe()->requestPoll();
    else
        m_lab->probe()->readNow(m_side);
    emit signalled(ev);
}

void QtHost::recordAccept(qintptr fd)
{
    // Not a signal, but like one something Qt did by itself in its event loop, not a call of the
    // program: drawn as Qt's own work, on the program's line. The connection's state is unchanged
    // (the kernel made it ESTABLISHED when the handshake's ACK arrived).
    const LabLock::Hold hold = m_lab->lock().hold();
    CallRecord record;
    record.fn = QStringLiteral("accept");
    record.args = {{QStringLiteral("by"), QStringLiteral("QTcpServer")}};
    record.hasResult = true;
    record.result = fd;
    record.detail = peerText(int(fd));
    record.callEvent = m_inside;
    Trace *trace = m_lab->trace();
    emit signalled(trace->appendCall(trace->now(), m_side, EventKind::Signal, std::move(record)));
}

void QtHost::watchDeliveries()
{
    // Connected on first use. The wire emits delivered() once the state the segment made
    // (CLOSE_WAIT) is in the trace, so Qt acts on it after.
    if (m_watchingDeliveries) return;
    m_watchingDeliveries = true;
    connect(m_lab->wire(), &Wire::delivered, this, &QtHost::segmentDelivered);
}

void QtHost::segmentDelivered(Side receiver, quint8 tcpFlags)
{
    // Qt closes its side as soon as it reads an end of file. A Qt program of its own would be idle
    // in poll() and read the FIN at once; here Qt shares the app's event loop with the window and
    // the scenario runner, so under load its reaction would come whenever the app got to
    // it, racing the kernel's delayed ACK of the FIN (4–40 ms) unless the host ACKs at once (a
    // scenario's "quickack"). Let Qt read what the FIN made readable now, as its loop would
    // (waitForReadyRead() runs the same read handler the socket's notifier does).
    if (receiver != m_side || !(tcpFlags & TcpFlag::Fin)) return;
    const LabLock::Hold hold = m_lab->lock().hold(); // Qt reads and may close: calls on lab sockets
    std::vector<QPointer<QTcpSocket>> sockets(m_sockets.begin(), m_sockets.end());
    if (m_server) {
        // Connections Qt accepted that the program has not taken yet read their end of file too.
        const QList<QTcpSocket *> pending = m_server->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
        sockets.insert(sockets.end(), pending.begin(), pending.end());
    }
    for (const QPointer<QTcpSocket> &s : sockets) {
        if (s && s->state() == QAbstractSocket::ConnectedState && readable(s->socketDescriptor()))
            s->waitForReadyRead(0);
    }
}

int QtHost::adopt(QTcpSocket *socket)
{
    const int id = int(m_sockets.size());
    m_sockets.emplace_back(socket);
    socket->setParent(this);
    const QJsonObject who {{QStringLiteral("socket"), id}};
    connect(socket, &QTcpSocket::connected, this, [this, who] { recordSignal(QStringLiteral("connected"), who); });
    connect(socket, &QTcpSocket::disconnected, this,
            [this, who] { recordSignal(QStringLiteral("disconnected"), who); });
    connect(socket, &QTcpSocket::readyRead, this, [this, who, socket] {
        recordSignal(QStringLiteral("readyRead"), who,
                     tr("%n byte(s) available", nullptr, int(socket->bytesAvailable())));
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, who](QAbstractSocket::SocketError error) {
        recordSignal(QStringLiteral("errorOccurred"), who, socketErrorName(error));
    });
    return id;
}

QtHost::CallId QtHost::listen(quint16 port)
{
    m_refusal.clear();
    const LabLock::Hold hold = m_lab->lock().hold();
    const CallId call = begin(QStringLiteral("QTcpServer::listen"),
                              {{QStringLiteral("addr"), m_lab->address(m_side)}, {QStringLiteral("port"), port}});
    LabError error;
    UniqueFd fd =
        m_lab->newSocket(m_side, addressFamily(m_lab->address(m_side)), SOCK_STREAM | SOCK_NONBLOCK, 0, &error);
    // What QTcpServer::listen() does inside: SO_REUSEADDR, bind, listen(50).
    const int one = 1;
    int err = fd ? 0 : (error.err ? error.err : EIO);
    if (!err
        && (::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0
            || bindTo(fd.get(), m_lab->address(m_side), port) != 0 || ::listen(fd.get(), kQtListenBacklog) != 0))
        err = errno;
    if (err) {
        finish(call, 0, err, QStringLiteral("false"));
        return call;
    }
    auto server = std::make_unique<AcceptingServer>();
    server->accepted = [this](qintptr accepted) { recordAccept(accepted); };
    m_server = std::move(server);
    watchDeliveries();
    connect(m_server.get(), &QTcpServer::newConnection, this,
            [this] { recordSignal(QStringLiteral("newConnection"), {}); });
    const bool ok = m_server->setSocketDescriptor(fd.release());
    finish(call, ok ? 1 : 0, 0, ok ? QStringLiteral("true") : QStringLiteral("false"));
    return call;
}

QtHost::CallId QtHost::nextPendingConnection()
{
    const LabLock::Hold hold = m_lab->lock().hold();
    const CallId call = begin(QStringLiteral("QTcpServer::nextPendingConnection"), {});
    QTcpSocket *s = m_server ? m_server->nextPendingConnection() : nullptr;
    if (!s) {
        finish(call, -1, 0, QStringLiteral("nullptr"));
        return call;
    }
    const int id = adopt(s);
    // What the call returns is a QTcpSocket*: named as the socket it is, with its peer.
    finish(call, id, 0,
           tr("socket %1 (%2)").arg(id).arg(EventText::addressWithPort(s->peerAddress().toString(), s->peerPort())));
    return call;
}

QtHost::CallId QtHost::connectToHost(const QString &address, quint16 port)
{
    m_refusal.clear();
    const LabLock::Hold hold = m_lab->lock().hold();
    const int id = int(m_sockets.size());
    const CallId call =
        begin(QStringLiteral("QTcpSocket::connectToHost"),
              {{QStringLiteral("socket"), id}, {QStringLiteral("addr"), address}, {QStringLiteral("port"), port}});
    LabError error;
    UniqueFd fd =
        m_lab->newSocket(m_side, addressFamily(m_lab->address(m_side)), SOCK_STREAM | SOCK_NONBLOCK, 0, &error);
    if (!fd || bindTo(fd.get(), m_lab->address(m_side), 0) != 0) {
        finish(call, std::nullopt, fd ? errno : (error.err ? error.err : EIO));
        return call;
    }
    auto *socket = new QTcpSocket(this);
    adopt(socket);
    watchDeliveries();
    // Qt keeps an adopted descriptor and only makes a new socket when it has none: its own
    // connectToHost() issues connect() on this namespace socket.
    if (!socket->setSocketDescriptor(fd.release(), QAbstractSocket::BoundState)) {
        finish(call, std::nullopt, 0, socket->errorString());
        return call;
    }
    socket->connectToHost(QHostAddress(address), port);
    finish(call, std::nullopt);
    return call;
}

bool QtHost::validSocket(int socketId)
{
    return socketId >= 0 && socketId < int(m_sockets.size()) && m_sockets[size_t(socketId)];
}

QTcpSocket *QtHost::socket(int socketId) const
{
    return socketId >= 0 && socketId < int(m_sockets.size()) ? m_sockets[size_t(socketId)].data() : nullptr;
}

template<typename Fn>
QtHost::CallId QtHost::socketCall(const QString &fn, int socketId, QJsonObject args, Fn &&body)
{
    args.insert(QStringLiteral("socket"), socketId);
    const LabLock::Hold hold = m_lab->lock().hold();
    const CallId call = begin(fn, std::move(args));
    if (!validSocket(socketId)) {
        finish(call, std::nullopt, EBADF, tr("no such socket"));
        return call;
    }
    body(call, m_sockets[size_t(socketId)].data());
    return call;
}

QtHost::CallId QtHost::write(int socketId, const QByteArray &data)
{
    return socketCall(
        QStringLiteral("QTcpSocket::write"), socketId,
        {{QStringLiteral("count"), data.size()}, {QStringLiteral("data"), QString::fromUtf8(data.left(64))}},
        [&](CallId call, QTcpSocket *s) { finish(call, s->write(data)); });
}

QtHost::CallId QtHost::readAll(int socketId)
{
    return socketCall(QStringLiteral("QTcpSocket::readAll"), socketId, {}, [&](CallId call, QTcpSocket *s) {
        const QByteArray data = s->readAll();
        finish(call, data.size(), 0, QString::fromUtf8(data));
    });
}

QtHost::CallId QtHost::disconnectFromHost(int socketId)
{
    return socketCall(QStringLiteral("QTcpSocket::disconnectFromHost"), socketId, {}, [&](CallId call, QTcpSocket *s) {
        s->disconnectFromHost();
        finish(call, std::nullopt);
    });
}

QtHost::CallId QtHost::close(int socketId)
{
    return socketCall(QStringLiteral("QTcpSocket::close"), socketId, {}, [&](CallId call, QTcpSocket *s) {
        s->close();
        finish(call, std::nullopt);
    });
}

QtHost::CallId QtHost::abort(int socketId)
{
    return socketCall(QStringLiteral("QTcpSocket::abort"), socketId, {}, [&](CallId call, QTcpSocket *s) {
        s->abort();
        finish(call, std::nullopt);
    });
}

std::optional<CallResult> QtHost::result(CallId call) const
{
    const auto it = m_results.find(call);
    if (it == m_results.end()) return std::nullopt;
    return it->second;
}

void QtHost::reset()
{
    for (const QPointer<QTcpSocket> &s : m_sockets) {
        if (s) {
            s->disconnect(this);
            s->abort();
            delete s.data();
        }
    }
    m_sockets.clear();
    if (m_server) {
        m_server->disconnect(this);
        m_server.reset();
    }
    m_results.clear();
    m_inside = -1;
}
