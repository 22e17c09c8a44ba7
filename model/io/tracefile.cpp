// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile.h"

#include "trace/trace.h"
#include "trace/tracejson.h"

#include <QCoreApplication>

TraceFile::TraceFile() = default;
TraceFile::~TraceFile() = default;

bool TraceFile::read(const QString &path, Trace &trace, const ChooseConnection &choose, QString *error)
{
    m_replaced = false;
    if (!open(path, error)) return false;
    int stream = -1;
    if (isCapture()) {
        std::vector<Conversation> list;
        if (!conversations(list, error)) return false;
        error->clear();
        stream = choose(list, error);
        if (stream < 0) return false;
    }
    return load(stream, trace, error);
}

bool TraceFile::open(const QString &path, QString *error)
{
    m_capture.reset();
    if (!m_file.open(path, error)) return false;
    m_kind = m_file.kind(error);
    if (!error->isEmpty()) return false;
    if (m_kind != InputFile::Kind::Capture && m_kind != InputFile::Kind::Json) {
        *error = m_file.kindError(m_kind);
        return false;
    }
    return true;
}

bool TraceFile::openCapture(QString *error)
{
    if (m_capture) return true;
    // The capture reader opens its file by name: it gets one that is this very file.
    const QString path = m_file.reopenablePath(TraceJson::kMaxFileBytes, error);
    if (path.isEmpty()) return false;
    auto capture = std::make_unique<CaptureFile>();
    if (!capture->open(path, error)) {
        *error = m_file.replacePath(*error);
        return false;
    }
    m_capture = std::move(capture);
    return true;
}

bool TraceFile::conversations(std::vector<Conversation> &out, QString *error)
{
    if (!isCapture() || !openCapture(error)) return false;
    out = m_capture->conversations();
    return true;
}

bool TraceFile::load(int stream, Trace &trace, QString *error)
{
    m_replaced = true;
    trace.clear();
    if (isCapture()) {
        if (!openCapture(error)) return false;
        if (!m_capture->import(stream, trace, error)) {
            *error = m_file.replacePath(*error);
            return false;
        }
        return true;
    }
    QByteArray json;
    if (!m_file.readAll(TraceJson::kMaxFileBytes, QCoreApplication::translate("TraceFile", "a trace file"), json,
                        error))
        return false;
    if (!TraceJson::load(json, trace, error)) {
        *error = m_file.name() + QStringLiteral(": ") + *error;
        return false;
    }
    return true;
}
