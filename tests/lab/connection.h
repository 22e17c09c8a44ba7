// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// An established connection between the lab's two BSD programs, made segment by segment, for
// tests that start where the handshake ends.

#include "labtest.h"

struct Connection {
    int listenFd = -1;
    int clientFd = -1;
    int serverFd = -1; // accepted
};

// Builds the connection; use with QVERIFY(makeConnection(...)) or check QTest::currentTestFailed().
inline void makeConnection(Lab &lab, Connection &c)
{
    BsdHost *server = lab.bsd(Side::Server);
    BsdHost *client = lab.bsd(Side::Client);
    c.listenFd = int(server->result(server->socket())->value);
    QVERIFY(c.listenFd >= 0);
    QCOMPARE(server->result(server->setReuseAddress(c.listenFd, true))->value, 0);
    QCOMPARE(server->result(server->bind(c.listenFd, lab.address(Side::Server), kPort))->value, 0);
    QCOMPARE(server->result(server->listen(c.listenFd, 5))->value, 0);
    c.clientFd = int(client->result(client->socket())->value);
    QVERIFY(c.clientFd >= 0);
    const auto connect = client->connect(c.clientFd, lab.address(Side::Server), kPort);
    DELIVER(lab, Direction::ClientToServer, TcpFlag::Syn);
    DELIVER(lab, Direction::ServerToClient, TcpFlag::Syn | TcpFlag::Ack);
    DELIVER(lab, Direction::ClientToServer, TcpFlag::Ack);
    QTRY_VERIFY_WITH_TIMEOUT(client->hasReturned(connect), kWaitMs);
    QCOMPARE(client->result(connect)->value, 0);
    const auto accept = server->accept(c.listenFd);
    QTRY_VERIFY_WITH_TIMEOUT(server->hasReturned(accept), kWaitMs);
    c.serverFd = int(server->result(accept)->value);
    QVERIFY(c.serverFd >= 0);
}

#define MAKE_CONNECTION(lab, c)                                                                                        \
    do {                                                                                                               \
        makeConnection(lab, c);                                                                                        \
        if (QTest::currentTestFailed()) return;                                                                        \
    } while (0)
