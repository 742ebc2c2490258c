// SPDX-License-Identifier: MIT
#pragma once

#include "channel_client.h"
#include "engine_test.h"
#include "task_column_rows.h"

#include <app_bridge.h>
#include <bridge_registry.h>
#include <command_specs.h>
#include <database_thread.h>
#include <file_chooser.h>
#include <history_bridge.h>
#include <project_bridge.h>
#include <task_bridge.h>
#include <transfer_bridge.h>

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QWebChannel>

#include <memory>

namespace quire::test {

/**
 * @brief The real bridges on a real QWebChannel over a real database, driven like the page does:
 * an SQLite file, or (the Postgres half of an EngineTest) a database on the test server. `Base`
 * is the gtest fixture it builds on: EngineTest (BridgeTest), or one with parameters of its own.
 */
template<class Base>
class BridgeFixture : public Base
{
protected:
    BridgeFixture()
        : m_database(std::make_unique<app::DatabaseThread>(m_location.location()))
    {
    }

    void SetUp() override
    {
        if (m_location.unavailable())
            GTEST_SKIP() << m_location.unavailable()->toStdString();
        ASSERT_FALSE(m_location.error()) << m_location.error().value_or(QString()).toStdString();
        ASSERT_TRUE(m_dir.isValid());
        m_tasks = std::make_unique<app::TaskBridge>(*m_database);
        m_projects = std::make_unique<app::ProjectBridge>(*m_database);
        m_history = std::make_unique<app::HistoryBridge>(*m_database);
        m_app = std::make_unique<app::AppBridge>(*m_database);
        m_transfer = std::make_unique<app::TransferBridge>(*m_database, m_files);
        app::registerBridges(m_channel, *m_tasks, *m_projects, *m_history, *m_app, *m_transfer);
        m_client = std::make_unique<ChannelClient>(m_channel);
    }

    /** @brief The raw reply to `command` called with one argument, as the page sends it. */
    QJsonValue call(const QString &command, const QJsonValue &args = QJsonObject {})
    {
        return m_client->call(app::commandSpec(command).object, command, args);
    }

    /** @brief The data of a successful reply, list columns as task objects; fails the test on an error envelope. */
    QJsonValue ok(const QString &command, const QJsonValue &args = QJsonObject {})
    {
        const QJsonObject reply = call(command, args).toObject();
        EXPECT_TRUE(reply.value(QStringLiteral("ok")).toBool())
            << command.toStdString() << " replied "
            << QJsonDocument(reply).toJson(QJsonDocument::Compact).toStdString();
        const QJsonValue data = reply.value(QStringLiteral("data"));
        return app::commandSpec(command).wire == u"TaskColumns" ? taskRowsFromColumns(data.toObject()) : data;
    }

    /** @brief The error of a failed reply; fails the test on success. */
    QJsonObject error(const QString &command, const QJsonValue &args = QJsonObject {})
    {
        const QJsonObject reply = call(command, args).toObject();
        EXPECT_EQ(reply.value(QStringLiteral("ok")), QJsonValue(false))
            << command.toStdString() << " replied "
            << QJsonDocument(reply).toJson(QJsonDocument::Compact).toStdString();
        return reply.value(QStringLiteral("error")).toObject();
    }

    QString createProject(const QString &name)
    {
        return ok(QStringLiteral("db_create_project"), QJsonObject {{QStringLiteral("name"), name}})
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }

    QJsonObject createTask(const QString &title, const QStringList &projectIds = {}, QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("title"), title);
        extra.insert(
            QStringLiteral("priority"), extra.value(QStringLiteral("priority")).toString(QStringLiteral("standard")));
        if (!extra.contains(QStringLiteral("tags")))
            extra.insert(QStringLiteral("tags"), QJsonArray {});
        extra.insert(QStringLiteral("projectIds"), QJsonArray::fromStringList(projectIds));
        return ok(QStringLiteral("db_create_task"), extra).toObject();
    }

    /** @brief For files a test writes or reads (exports, imports). */
    QTemporaryDir m_dir;
    TestDatabaseLocation m_location {QStringLiteral("quire.db")};
    std::unique_ptr<app::DatabaseThread> m_database;
    std::unique_ptr<app::TaskBridge> m_tasks;
    std::unique_ptr<app::ProjectBridge> m_projects;
    std::unique_ptr<app::HistoryBridge> m_history;
    std::unique_ptr<app::AppBridge> m_app;
    /** @brief What the file dialogs answer: plan() the paths a test's person picks. */
    app::PlannedFileChooser m_files;
    std::unique_ptr<app::TransferBridge> m_transfer;
    QWebChannel m_channel;
    std::unique_ptr<ChannelClient> m_client;
};

/** @brief The bridges on each engine: TEST_P(BridgeTest, ...). */
using BridgeTest = BridgeFixture<EngineTest>;

} // namespace quire::test
