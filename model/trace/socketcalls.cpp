// SPDX-License-Identifier: GPL-3.0-or-later
#include "socketcalls.h"

#include <QCoreApplication>

namespace {

using L = QLatin1StringView;
using Op = SocketCall::Op;
using Type = SocketCall::ArgType;
using Makes = SocketCall::Makes;

const SocketCall::Arg kFd {.name = L("fd"), .type = Type::Handle, .required = true};
const SocketCall::Arg kSocket {.name = L("socket"), .type = Type::Handle, .required = true};
const SocketCall::Arg kPort {.name = L("port"), .type = Type::Port, .required = true};
const SocketCall::Arg kAddr {.name = L("addr"), .type = Type::Address};
const SocketCall::Arg kData {.name = L("data"), .type = Type::Text, .required = true};

// The order is the order of the panel's buttons and of the calls an error message lists.
const SocketCall kCalls[] = {
    {.op = Op::Socket,
     .flavour = Flavour::Bsd,
     .name = L("socket"),
     .fn = L("socket"),
     .makes = Makes::Result,
     .summary =
         QT_TRANSLATE_NOOP("SocketCall", "Create a TCP socket (AF_INET, or AF_INET6 in the IPv6 lab; SOCK_STREAM)")},
    {.op = Op::Bind,
     .flavour = Flavour::Bsd,
     .name = L("bind"),
     .fn = L("bind"),
     .args = {kFd, kAddr, kPort},
     .summary = QT_TRANSLATE_NOOP("SocketCall", "Give the socket this host's address and the port")},
    {.op = Op::Listen,
     .flavour = Flavour::Bsd,
     .name = L("listen"),
     .fn = L("listen"),
     .args = {kFd, {.name = L("backlog")}},
     .summary =
         QT_TRANSLATE_NOOP("SocketCall", "Make the socket a listener: from now on the kernel answers SYNs by itself")},
    {.op = Op::Connect,
     .flavour = Flavour::Bsd,
     .name = L("connect"),
     .fn = L("connect"),
     .args = {kFd, kAddr, kPort},
     .blocks = true,
     .summary = QT_TRANSLATE_NOOP(
         "SocketCall",
         "Connect to the other host at the port: the kernel sends a SYN; connect() returns when the SYN+ACK "
         "arrives")},
    {.op = Op::Accept,
     .flavour = Flavour::Bsd,
     .name = L("accept"),
     .fn = L("accept"),
     .args = {kFd},
     .makes = Makes::Result,
     .blocks = true,
     .summary = QT_TRANSLATE_NOOP(
         "SocketCall",
         "Take a completed connection from the listener's queue; blocks until the third segment of a handshake "
         "has arrived")},
    {.op = Op::Write,
     .flavour = Flavour::Bsd,
     .name = L("write"),
     .fn = L("write"),
     .args = {kFd, kData, {.name = L("repeat")}},
     .blocks = true,
     .summary = QT_TRANSLATE_NOOP("SocketCall", "Write the data to the socket")},
    {.op = Op::Read,
     .flavour = Flavour::Bsd,
     .name = L("read"),
     .fn = L("read"),
     .args = {kFd, {.name = L("count")}},
     .blocks = true,
     .summary = QT_TRANSLATE_NOOP(
         "SocketCall",
         "Read what has arrived; blocks while there is nothing; returns 0 (end of file) after the peer's FIN")},
    {.op = Op::Shutdown,
     .flavour = Flavour::Bsd,
     .name = L("shutdown"),
     .fn = L("shutdown"),
     .args = {kFd,
              {.name = L("how"),
               .type = Type::OneOf,
               .required = true,
               .choices = {{"SHUT_RD"}, {"SHUT_WR"}, {"SHUT_RDWR"}}}},
     .summary = QT_TRANSLATE_NOOP("SocketCall", "Close one direction of the connection")},
    // close() waits, with SO_LINGER on, until the peer has acknowledged what is left to send.
    {.op = Op::Close,
     .flavour = Flavour::Bsd,
     .name = L("close"),
     .fn = L("close"),
     .args = {kFd},
     .blocks = true,
     .summary = QT_TRANSLATE_NOOP(
         "SocketCall", "Release the descriptor: the kernel sends a FIN (or a RST with unread data or SO_LINGER 0)")},
    // SO_LINGER takes struct linger's two fields, which the trace records by their C names.
    {.op = Op::SetSockOpt,
     .flavour = Flavour::Bsd,
     .name = L("setsockopt"),
     .fn = L("setsockopt"),
     .args = {kFd,
              {.name = L("option"),
               .type = Type::OneOf,
               .required = true,
               .choices = {{"SO_LINGER",
                            QT_TRANSLATE_NOOP("SocketCall", "setsockopt(SO_LINGER) with on/off and the linger time")},
                           {"SO_REUSEADDR",
                            QT_TRANSLATE_NOOP("SocketCall",
                                              "setsockopt(SO_REUSEADDR): allow bind() to a port still in TIME_WAIT")},
                           {"TCP_NODELAY",
                            QT_TRANSLATE_NOOP(
                                "SocketCall",
                                "setsockopt(TCP_NODELAY): send small writes at once instead of waiting (Nagle's "
                                "algorithm)")},
                           {"SO_KEEPALIVE",
                            QT_TRANSLATE_NOOP("SocketCall",
                                              "setsockopt(SO_KEEPALIVE): probe the peer when the connection has "
                                              "been idle")},
                           {"TCP_KEEPIDLE",
                            QT_TRANSLATE_NOOP("SocketCall",
                                              "setsockopt(TCP_KEEPIDLE): seconds idle before the first keep-alive "
                                              "probe")},
                           {"TCP_KEEPINTVL",
                            QT_TRANSLATE_NOOP("SocketCall",
                                              "setsockopt(TCP_KEEPINTVL): seconds between unanswered keep-alive "
                                              "probes")},
                           {"TCP_KEEPCNT",
                            QT_TRANSLATE_NOOP("SocketCall",
                                              "setsockopt(TCP_KEEPCNT): unanswered probes before the kernel gives "
                                              "up on the connection")}}},
              {.name = L("value")},
              {.name = L("onoff"), .recorded = L("l_onoff")},
              {.name = L("linger"), .recorded = L("l_linger")}},
     .summary = QT_TRANSLATE_NOOP("SocketCall", "Set a socket option")},

    {.op = Op::QtListen,
     .flavour = Flavour::Qt,
     .name = L("listen"),
     .fn = L("QTcpServer::listen"),
     .args = {kPort},
     .summary = QT_TRANSLATE_NOOP("SocketCall", "QTcpServer::listen on this host's address and the port")},
    {.op = Op::QtConnectToHost,
     .flavour = Flavour::Qt,
     .name = L("connectToHost"),
     .fn = L("QTcpSocket::connectToHost"),
     .args = {kAddr, kPort},
     .makes = Makes::RecordedSocket,
     .summary = QT_TRANSLATE_NOOP(
         "SocketCall",
         "QTcpSocket::connectToHost to the other host at the port; Qt emits connected() when the SYN+ACK "
         "arrives")},
    {.op = Op::QtNextPendingConnection,
     .flavour = Flavour::Qt,
     .name = L("nextPendingConnection"),
     .fn = L("QTcpServer::nextPendingConnection"),
     .makes = Makes::Result,
     .cue = L("newConnection"),
     .summary = QT_TRANSLATE_NOOP(
         "SocketCall", "QTcpServer::nextPendingConnection: Qt has already accepted; this makes no system call")},
    {.op = Op::QtWrite,
     .flavour = Flavour::Qt,
     .name = L("write"),
     .fn = L("QTcpSocket::write"),
     .args = {kSocket, kData},
     .summary = QT_TRANSLATE_NOOP("SocketCall", "QTcpSocket::write of the data")},
    {.op = Op::QtRead,
     .flavour = Flavour::Qt,
     .name = L("read"),
     .fn = L("QTcpSocket::readAll"),
     .args = {kSocket},
     .cue = L("readyRead"),
     .summary = QT_TRANSLATE_NOOP("SocketCall", "QTcpSocket::readAll: what Qt has buffered")},
    {.op = Op::QtDisconnectFromHost,
     .flavour = Flavour::Qt,
     .name = L("disconnectFromHost"),
     .fn = L("QTcpSocket::disconnectFromHost"),
     .args = {kSocket},
     .summary = QT_TRANSLATE_NOOP("SocketCall", "QTcpSocket::disconnectFromHost: send what is buffered, then a FIN")},
    {.op = Op::QtClose,
     .flavour = Flavour::Qt,
     .name = L("close"),
     .fn = L("QTcpSocket::close"),
     .args = {kSocket},
     .summary = QT_TRANSLATE_NOOP("SocketCall", "QTcpSocket::close")},
    {.op = Op::QtAbort,
     .flavour = Flavour::Qt,
     .name = L("abort"),
     .fn = L("QTcpSocket::abort"),
     .args = {kSocket},
     .summary = QT_TRANSLATE_NOOP("SocketCall", "QTcpSocket::abort: a plain close() at once")},
};

} // namespace

const SocketCall::Arg *SocketCall::arg(QStringView argName) const
{
    for (const Arg &a : args) {
        if (argName == a.name) return &a;
    }
    return nullptr;
}

QLatin1StringView SocketCall::shortFn() const
{
    qsizetype start = fn.size();
    while (start > 0 && fn.at(start - 1) != u':')
        --start;
    return fn.sliced(start);
}

QString SocketCall::summaryText() const
{
    return QCoreApplication::translate("SocketCall", summary);
}

std::span<const SocketCall> SocketCall::all()
{
    return kCalls;
}

const SocketCall &SocketCall::of(Op op)
{
    for (const SocketCall &c : kCalls) {
        if (c.op == op) return c;
    }
    Q_UNREACHABLE();
}

const SocketCall *SocketCall::find(Flavour flavour, QStringView name)
{
    for (const SocketCall &c : kCalls) {
        if (c.flavour == flavour && name == c.name) return &c;
    }
    return nullptr;
}

const SocketCall *SocketCall::recorded(QStringView fn)
{
    for (const SocketCall &c : kCalls) {
        if (fn == c.fn) return &c;
    }
    return nullptr;
}

Flavour SocketCall::flavourOf(QStringView fn)
{
    return fn.startsWith(u"QTcpServer::") || fn.startsWith(u"QTcpSocket::") ? Flavour::Qt : Flavour::Bsd;
}

QString SocketCall::flavourName(Flavour flavour)
{
    return flavour == Flavour::Bsd ? QStringLiteral("BSD") : QStringLiteral("Qt");
}
