// SPDX-License-Identifier: GPL-3.0-or-later
#include "callmaker.h"

#include "bsdhost.h"
#include "lab.h"
#include "qthost.h"

#include <algorithm>
#include <sys/socket.h>

namespace CallMaker {

qsizetype make(Lab &lab, Side side, const SocketCall &call, const QJsonObject &args, QString *refusal)
{
    const int handle = args.value(call.flavour == Flavour::Bsd ? u"fd" : u"socket").toInt(-1);
    const auto port = quint16(args.value(u"port").toInt());
    const QString data = args.value(u"data").toString();
    // Addresses default to this host for what it binds or listens on, to the other one for what it connects to.
    const QString peer = args.value(u"addr").toString(lab.address(otherSide(side)));
    BsdHost *bsd = lab.bsd(side);
    QtHost *qt = lab.qt(side);
    qsizetype id = -1;
    using Op = SocketCall::Op;
    switch (call.op) {
    case Op::Socket:
        id = bsd->socket();
        break;
    case Op::Bind:
        id = bsd->bind(handle, args.value(u"addr").toString(lab.address(side)), port);
        break;
    case Op::Listen:
        id = bsd->listen(handle, args.value(u"backlog").toInt(5));
        break;
    case Op::Connect:
        id = bsd->connect(handle, peer, port);
        break;
    case Op::Accept:
        id = bsd->accept(handle);
        break;
    case Op::Write:
        id = bsd->write(handle, data.toUtf8().repeated(std::max(1, args.value(u"repeat").toInt(1))));
        break;
    case Op::Read:
        id = bsd->read(handle, args.value(u"count").toInt(4096));
        break;
    case Op::Shutdown: {
        const QString how = args.value(u"how").toString();
        id = bsd->shutdown(handle, how == u"SHUT_RD" ? SHUT_RD : how == u"SHUT_WR" ? SHUT_WR : SHUT_RDWR);
        break;
    }
    case Op::Close:
        id = bsd->close(handle);
        break;
    case Op::SetSockOpt: {
        const QString option = args.value(u"option").toString();
        if (option == u"SO_LINGER")
            id = bsd->setLinger(handle, args.value(u"onoff").toInt(1) != 0, args.value(u"linger").toInt());
        else if (option == u"SO_REUSEADDR")
            id = bsd->setReuseAddress(handle, args.value(u"value").toInt(1) != 0);
        else if (option == u"TCP_NODELAY")
            id = bsd->setNoDelay(handle, args.value(u"value").toInt(1) != 0);
        else // the keep-alive options: SO_KEEPALIVE on by default, the times and count as given
            id = bsd->setKeepAliveOption(handle, option, args.value(u"value").toInt(1));
        break;
    }
    case Op::QtListen:
        id = qt->listen(port);
        break;
    case Op::QtConnectToHost:
        id = qt->connectToHost(peer, port);
        break;
    case Op::QtNextPendingConnection:
        id = qt->nextPendingConnection();
        break;
    case Op::QtWrite:
        id = qt->write(handle, data.toUtf8());
        break;
    case Op::QtRead:
        id = qt->readAll(handle);
        break;
    case Op::QtDisconnectFromHost:
        id = qt->disconnectFromHost(handle);
        break;
    case Op::QtClose:
        id = qt->close(handle);
        break;
    case Op::QtAbort:
        id = qt->abort(handle);
        break;
    }
    if (id < 0 && refusal) *refusal = call.flavour == Flavour::Bsd ? bsd->refusal() : qt->refusal();
    return id;
}

} // namespace CallMaker
