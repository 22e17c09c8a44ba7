// SPDX-License-Identifier: GPL-3.0-or-later
#include "builtinscenarios.h"

#include "../lab/bsdhost.h"
#include "../lab/kernelprobe.h"
#include "../lab/lab.h"
#include "../trace/tcpsegment.h"

#include <QCoreApplication>
#include <sys/socket.h>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("BuiltinScenarios", text); }

SegmentPattern c2s(quint8 flags) { return { Direction::ClientToServer, flags }; }
SegmentPattern s2c(quint8 flags) { return { Direction::ServerToClient, flags }; }

// Records a call's id under a name, and fails the step when the program refused to make it.
bool remember(ScenarioContext &ctx, const QString &name, qsizetype call, BsdHost *host)
{
    if (call < 0) {
        ctx.error = host->refusal();
        return false;
    }
    ctx.values.insert(name, call);
    return true;
}

bool returnedOk(ScenarioContext &ctx, const QString &name, BsdHost *host)
{
    const auto r = host->result(ctx.values.value(name, -1));
    if (!r || r->value < 0) {
        ctx.error = tr("%1() failed").arg(name);
        return false;
    }
    return true;
}

std::vector<ScenarioStep> handshakeSteps()
{
    using TcpFlag::Ack;
    using TcpFlag::Syn;
    std::vector<ScenarioStep> steps;
    steps.push_back({ tr("The server calls socket(), bind() to port 9877 and listen(): from now on its kernel "
                         "answers SYNs for that port by itself."),
        [](ScenarioContext &ctx) {
            BsdHost *server = ctx.lab->bsd(Side::Server);
            if (!remember(ctx, QStringLiteral("socket"), server->socket(), server) || !returnedOk(ctx, QStringLiteral("socket"), server))
                return false;
            const int fd = int(ctx.callValue(QStringLiteral("socket")));
            ctx.values.insert(QStringLiteral("listenfd"), fd);
            return remember(ctx, QStringLiteral("bind"), server->bind(fd, Lab::address(Side::Server), BuiltinScenarios::kServerPort), server)
                && returnedOk(ctx, QStringLiteral("bind"), server)
                && remember(ctx, QStringLiteral("listen"), server->listen(fd, 5), server)
                && returnedOk(ctx, QStringLiteral("listen"), server);
        },
        {}, {} });
    steps.push_back({ tr("The server calls accept(): it blocks until a connection has completed the handshake."),
        [](ScenarioContext &ctx) {
            BsdHost *server = ctx.lab->bsd(Side::Server);
            return remember(ctx, QStringLiteral("accept"), server->accept(int(ctx.values.value(QStringLiteral("listenfd")))), server);
        },
        {}, {} });
    steps.push_back({ tr("The client calls socket() and connect(): its kernel sends SYN J and connect() blocks."),
        [](ScenarioContext &ctx) {
            BsdHost *client = ctx.lab->bsd(Side::Client);
            if (!remember(ctx, QStringLiteral("csocket"), client->socket(), client) || !returnedOk(ctx, QStringLiteral("csocket"), client))
                return false;
            const int fd = int(ctx.callValue(QStringLiteral("csocket")));
            ctx.values.insert(QStringLiteral("clientfd"), fd);
            return remember(ctx, QStringLiteral("connect"),
                client->connect(fd, Lab::address(Side::Server), BuiltinScenarios::kServerPort), client);
        },
        [](const ScenarioContext &ctx) { return ctx.findHeld(c2s(Syn)) != nullptr; }, tr("the client's SYN") });
    steps.push_back({ tr("The SYN arrives: the server's kernel — not accept() — answers with its own SYN K and ACK J+1."),
        [](ScenarioContext &ctx) { return ctx.deliver(c2s(Syn)); },
        [](const ScenarioContext &ctx) { return ctx.findHeld(s2c(Syn | Ack)) != nullptr; },
        tr("the server's SYN, ACK") });
    steps.push_back({ tr("The SYN, ACK arrives: connect() returns, and the client's kernel sends ACK K+1."),
        [](ScenarioContext &ctx) { return ctx.deliver(s2c(Syn | Ack)); },
        [](const ScenarioContext &ctx) {
            return ctx.callReturned(QStringLiteral("connect")) && ctx.findHeld(c2s(Ack)) != nullptr;
        },
        tr("connect() to return and the client's ACK") });
    steps.push_back({ tr("The ACK arrives: the connection is ESTABLISHED on both sides and accept() returns."),
        [](ScenarioContext &ctx) { return ctx.deliver(c2s(Ack)); },
        [](const ScenarioContext &ctx) { return ctx.callReturned(QStringLiteral("accept")); }, tr("accept() to return") });
    return steps;
}

std::vector<ScenarioStep> teardownSteps()
{
    using TcpFlag::Ack;
    using TcpFlag::Fin;
    std::vector<ScenarioStep> steps = handshakeSteps();
    steps.push_back({ tr("The server calls read(): it blocks, as there is nothing to read yet."),
        [](ScenarioContext &ctx) {
            BsdHost *server = ctx.lab->bsd(Side::Server);
            const int connfd = int(ctx.callValue(QStringLiteral("accept")));
            ctx.values.insert(QStringLiteral("connfd"), connfd);
            return remember(ctx, QStringLiteral("read"), server->read(connfd), server);
        },
        {}, {} });
    steps.push_back({ tr("The client calls close(): its kernel sends FIN M (active close)."),
        [](ScenarioContext &ctx) {
            BsdHost *client = ctx.lab->bsd(Side::Client);
            return remember(ctx, QStringLiteral("cclose"), client->close(int(ctx.values.value(QStringLiteral("clientfd")))), client);
        },
        [](const ScenarioContext &ctx) { return ctx.findHeld(c2s(Fin | Ack)) != nullptr; }, tr("the client's FIN") });
    steps.push_back({ tr("The FIN arrives: the server's read() returns 0 (end of file). Its kernel acknowledges "
                         "the FIN with ACK M+1 — a little later, as Linux delays that ACK."),
        [](ScenarioContext &ctx) { return ctx.deliver(c2s(Fin | Ack)); },
        [](const ScenarioContext &ctx) {
            return ctx.callReturned(QStringLiteral("read")) && ctx.findHeld(s2c(Ack)) != nullptr;
        },
        tr("read() to return 0 and the server's ACK of the FIN") });
    steps.push_back({ tr("The ACK arrives: the client waits in FIN_WAIT_2 for the server's FIN."),
        [](ScenarioContext &ctx) { return ctx.deliver(s2c(Ack)); }, {}, {} });
    steps.push_back({ tr("The server calls close(): its kernel sends FIN N (passive close)."),
        [](ScenarioContext &ctx) {
            BsdHost *server = ctx.lab->bsd(Side::Server);
            return remember(ctx, QStringLiteral("sclose"), server->close(int(ctx.values.value(QStringLiteral("connfd")))), server);
        },
        [](const ScenarioContext &ctx) { return ctx.findHeld(s2c(Fin | Ack)) != nullptr; }, tr("the server's FIN") });
    steps.push_back({ tr("The FIN arrives: the client's kernel answers ACK N+1 and enters TIME_WAIT."),
        [](ScenarioContext &ctx) { return ctx.deliver(s2c(Fin | Ack)); },
        [](const ScenarioContext &ctx) { return ctx.findHeld(c2s(Ack)) != nullptr; }, tr("the client's last ACK") });
    steps.push_back({ tr("The last ACK arrives: the server's socket is CLOSED; the client stays in TIME_WAIT "
                         "for 2MSL."),
        [](ScenarioContext &ctx) { return ctx.deliver(c2s(Ack)); },
        [](const ScenarioContext &ctx) {
            ctx.lab->probe()->pollNow();
            return ctx.lab->probe()->state(Side::Server, BuiltinScenarios::kServerPort, 0) == TcpState::Listen
                && !ctx.lab->probe()->sockets(Side::Client).empty()
                && ctx.lab->probe()->sockets(Side::Client).front().state == TcpState::TimeWait
                && ctx.lab->probe()->sockets(Side::Server).size() == 1;
        },
        tr("the server's connection to close and the client to enter TIME_WAIT") });
    return steps;
}

} // namespace

namespace BuiltinScenarios {

std::vector<Entry> list()
{
    return { { QStringLiteral("handshake"), tr("Three-way handshake") },
        { QStringLiteral("teardown"), tr("Four-way close") } };
}

std::optional<Scenario> find(const QString &id)
{
    if (id == u"handshake")
        return Scenario { id, tr("Three-way handshake"),
            tr("connect() sends SYN J; the server's kernel answers SYN K, ACK J+1; the client's ACK K+1 completes "
               "it. connect() returns on the second segment, accept() on the third."),
            handshakeSteps() };
    if (id == u"teardown")
        return Scenario { id, tr("Four-way close"),
            tr("After the handshake the client closes: FIN M, ACK M+1, the server's read() returns 0, its close() "
               "sends FIN N, ACK N+1; the client waits in TIME_WAIT."),
            teardownSteps() };
    return std::nullopt;
}

}
