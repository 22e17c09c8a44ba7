// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile.h"

#include "../trace/trace.h"
#include "../trace/tracejson.h"

#include <QCoreApplication>

bool TraceFile::open(const QString &path, QString *error)
{
    if (!m_file.open(path, error))
        return false;
    m_kind = m_file.kind(error);
    if (!error->isEmpty())
        return false;
    if (m_kind != InputFile::Kind::Capture && m_kind != InputFile::Kind::Json) {
        *error = m_file.kindError(m_kind);
        return false;
    }
    return true;
}

bool TraceFile::capturePath(QString *path, QString *error)
{
    // The capture reader opens its file by name: it gets one that is this very file.
    *path = m_file.reopenablePath(TraceJson::kMaxFileBytes, error);
    return !path->isEmpty();
}

bool TraceFile::conversations(std::vector<Conversation> &out, QString *error)
{
    QString path;
    if (!isCapture() || !capturePath(&path, error))
        return false;
    if (!CaptureImport::conversations(path, out, error)) {
        *error = m_file.replacePath(*error);
        return false;
    }
    return true;
}

bool TraceFile::load(int stream, Trace &trace, QString *error)
{
    if (isCapture()) {
        QString path;
        if (!capturePath(&path, error))
            return false;
        if (!CaptureImport::open(path, stream, trace, error)) {
            *error = m_file.replacePath(*error);
            return false;
        }
        return true;
    }
    trace.clear();
    QByteArray json;
    if (!m_file.readAll(
            TraceJson::kMaxFileBytes, QCoreApplication::translate("TraceFile", "a trace file"), json, error))
        return false;
    if (!TraceJson::load(json, trace, error)) {
        *error = m_file.name() + QStringLiteral(": ") + *error;
        return false;
    }
    return true;
}
