// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Traces made by the tests and the benchmark, shaped like the lab's (calls, sends, wire actions,
// kernel states) and labelled as generated: they are never shown as a lab run.

#include "trace/generatedtrace.h"
#include "trace/tcpsegment.h"
#include "trace/trace.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <array>
#include <vector>

namespace generated {

constexpr quint32 kIsnClient = 1000;
constexpr quint32 kIsnServer = 5000;

// Fig. 2.5 as the lab records it: listen, accept blocks, connect blocks, three segments, both return.
struct Handshake {
    qsizetype accept = -1, connect = -1, syn = -1, synAck = -1, ack = -1;
};
inline Handshake handshake(Builder &b)
{
    Handshake h;
    const qsizetype sock = b.call(Side::Server, QStringLiteral("socket"));
    b.ret(Side::Server, sock, 3);
    const qsizetype bind = b.call(Side::Server, QStringLiteral("bind"),
                                  {{QStringLiteral("fd"), 3},
                                   {QStringLiteral("addr"), QStringLiteral("10.0.0.2")},
                                   {QStringLiteral("port"), 9877}});
    b.ret(Side::Server, bind, 0);
    const qsizetype listen =
        b.call(Side::Server, QStringLiteral("listen"), {{QStringLiteral("fd"), 3}, {QStringLiteral("backlog"), 5}});
    b.ret(Side::Server, listen, 0);
    b.state(Side::Server, TcpState::Listen, true);
    h.accept = b.call(Side::Server, QStringLiteral("accept"), {{QStringLiteral("fd"), 3}});
    const qsizetype csock = b.call(Side::Client, QStringLiteral("socket"));
    b.ret(Side::Client, csock, 3);
    h.connect = b.call(Side::Client, QStringLiteral("connect"),
                       {{QStringLiteral("fd"), 3},
                        {QStringLiteral("addr"), QStringLiteral("10.0.0.2")},
                        {QStringLiteral("port"), 9877}});
    h.syn = b.send(Side::Client, TcpFlag::Syn, kIsnClient, 0);
    b.state(Side::Client, TcpState::SynSent);
    b.timer(Side::Client, TimerKind::Retransmit, 1000);
    b.deliver(h.syn);
    b.state(Side::Server, TcpState::SynRcvd);
    h.synAck = b.send(Side::Server, TcpFlag::Syn | TcpFlag::Ack, kIsnServer, kIsnClient + 1);
    b.deliver(h.synAck);
    b.timer(Side::Client, TimerKind::None, 0);
    b.state(Side::Client, TcpState::Established);
    b.ret(Side::Client, h.connect, 0);
    h.ack = b.send(Side::Client, TcpFlag::Ack, kIsnClient + 1, kIsnServer + 1);
    b.deliver(h.ack);
    b.state(Side::Server, TcpState::Established);
    b.ret(Side::Server, h.accept, 4);
    return h;
}

// A bulk transfer after a handshake: `segments` data segments client -> server, each delivered,
// every second one acknowledged (delayed ACKs), as the lab records them.
inline void transfer(Builder &b, qsizetype segments, bool withWire = true)
{
    quint32 seq = kIsnClient + 1;
    for (qsizetype i = 0; i < segments; ++i) {
        const qsizetype s = b.send(Side::Client, TcpFlag::Ack | TcpFlag::Psh, seq, kIsnServer + 1, 1448);
        if (withWire) b.deliver(s);
        seq += 1448;
        if (i % 2 == 1) {
            const qsizetype a = b.send(Side::Server, TcpFlag::Ack, kIsnServer + 1, seq);
            ++i;
            if (withWire) b.deliver(a);
        }
    }
}

// Traffic both ways at once, the wire delivering (or now and then losing) what it holds in an order
// a seed decides: segments cross, a side sends while a segment to it is on its way, programs write
// between. For rules that must hold whatever the order, as on a lecturer's wire.
inline void crossingTraffic(Builder &b, quint32 seed, int actions)
{
    QRandomGenerator rng(seed);
    std::array<std::vector<qsizetype>, 2> held; // per sender, oldest first
    std::array<quint32, 2> seq {kIsnClient + 1, kIsnServer + 1};
    const auto pass = [&](Side side) {
        std::vector<qsizetype> &queue = held[size_t(side)];
        if (queue.empty()) return;
        // Mostly in order; sometimes the newest overtakes, sometimes one is lost.
        const size_t k = rng.bounded(4) == 0 ? queue.size() - 1 : 0;
        const qsizetype send = queue[k];
        queue.erase(queue.begin() + qsizetype(k));
        if (rng.bounded(8) == 0)
            b.drop(send);
        else
            b.deliver(send);
    };
    for (int i = 0; i < actions; ++i) {
        const Side side = rng.bounded(2) ? Side::Server : Side::Client;
        const Side peer = side == Side::Client ? Side::Server : Side::Client;
        switch (rng.bounded(5)) {
        case 0: { // a program writes, its kernel sends
            const qsizetype write = b.call(side, QStringLiteral("write"), {{QStringLiteral("fd"), 3}});
            b.ret(side, write, 100);
            held[size_t(side)].push_back(
                b.send(side, TcpFlag::Ack | TcpFlag::Psh, seq[size_t(side)], seq[size_t(peer)], 100));
            seq[size_t(side)] += 100;
            break;
        }
        case 1: // the kernel answers by itself
            held[size_t(side)].push_back(b.send(side, TcpFlag::Ack, seq[size_t(side)], seq[size_t(peer)]));
            break;
        default:
            pass(side);
            break;
        }
    }
    for (const Side side : {Side::Client, Side::Server}) {
        while (!held[size_t(side)].empty())
            pass(side);
    }
}

} // namespace generated
