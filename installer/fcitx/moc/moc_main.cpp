/****************************************************************************
** Meta object code from reading C++ file 'main.h'
**
** Created by: The Qt Meta Object Compiler version 68 (Qt 6.4.2)
**
** WARNING! All changes made in this file will be lost!
*****************************************************************************/

#include <memory>
#include "main.h"
#include <QtGui/qtextcursor.h>
#include <QtCore/qmetatype.h>
#include <QtCore/qplugin.h>
#if !defined(Q_MOC_OUTPUT_REVISION)
#error "The header file 'main.h' doesn't include <QObject>."
#elif Q_MOC_OUTPUT_REVISION != 68
#error "This file was generated using the moc from 6.4.2. It"
#error "cannot be used with the include files from this version of Qt."
#error "(The moc has changed too much.)"
#endif

#ifndef Q_CONSTINIT
#define Q_CONSTINIT
#endif

QT_BEGIN_MOC_NAMESPACE
QT_WARNING_PUSH
QT_WARNING_DISABLE_DEPRECATED
namespace {
struct qt_meta_stringdata_QFcitx5PlatformInputContextPlugin_t {
    uint offsetsAndSizes[2];
    char stringdata0[34];
};
#define QT_MOC_LITERAL(ofs, len) \
    uint(sizeof(qt_meta_stringdata_QFcitx5PlatformInputContextPlugin_t::offsetsAndSizes) + ofs), len 
Q_CONSTINIT static const qt_meta_stringdata_QFcitx5PlatformInputContextPlugin_t qt_meta_stringdata_QFcitx5PlatformInputContextPlugin = {
    {
        QT_MOC_LITERAL(0, 33)   // "QFcitx5PlatformInputContextPl..."
    },
    "QFcitx5PlatformInputContextPlugin"
};
#undef QT_MOC_LITERAL
} // unnamed namespace

Q_CONSTINIT static const uint qt_meta_data_QFcitx5PlatformInputContextPlugin[] = {

 // content:
      10,       // revision
       0,       // classname
       0,    0, // classinfo
       0,    0, // methods
       0,    0, // properties
       0,    0, // enums/sets
       0,    0, // constructors
       0,       // flags
       0,       // signalCount

       0        // eod
};

Q_CONSTINIT const QMetaObject QFcitx5PlatformInputContextPlugin::staticMetaObject = { {
    QMetaObject::SuperData::link<QPlatformInputContextPlugin::staticMetaObject>(),
    qt_meta_stringdata_QFcitx5PlatformInputContextPlugin.offsetsAndSizes,
    qt_meta_data_QFcitx5PlatformInputContextPlugin,
    qt_static_metacall,
    nullptr,
    qt_incomplete_metaTypeArray<qt_meta_stringdata_QFcitx5PlatformInputContextPlugin_t,
        // Q_OBJECT / Q_GADGET
        QtPrivate::TypeAndForceComplete<QFcitx5PlatformInputContextPlugin, std::true_type>
    >,
    nullptr
} };

void QFcitx5PlatformInputContextPlugin::qt_static_metacall(QObject *_o, QMetaObject::Call _c, int _id, void **_a)
{
    (void)_o;
    (void)_id;
    (void)_c;
    (void)_a;
}

const QMetaObject *QFcitx5PlatformInputContextPlugin::metaObject() const
{
    return QObject::d_ptr->metaObject ? QObject::d_ptr->dynamicMetaObject() : &staticMetaObject;
}

void *QFcitx5PlatformInputContextPlugin::qt_metacast(const char *_clname)
{
    if (!_clname) return nullptr;
    if (!strcmp(_clname, qt_meta_stringdata_QFcitx5PlatformInputContextPlugin.stringdata0))
        return static_cast<void*>(this);
    return QPlatformInputContextPlugin::qt_metacast(_clname);
}

int QFcitx5PlatformInputContextPlugin::qt_metacall(QMetaObject::Call _c, int _id, void **_a)
{
    _id = QPlatformInputContextPlugin::qt_metacall(_c, _id, _a);
    return _id;
}

#ifdef QT_MOC_EXPORT_PLUGIN_V2
static constexpr unsigned char qt_pluginMetaDataV2_QFcitx5PlatformInputContextPlugin[] = {
    0xbf, 
    // "IID"
    0x02,  0x78,  0x3b,  'o',  'r',  'g',  '.',  'q', 
    't',  '-',  'p',  'r',  'o',  'j',  'e',  'c', 
    't',  '.',  'Q',  't',  '.',  'Q',  'P',  'l', 
    'a',  't',  'f',  'o',  'r',  'm',  'I',  'n', 
    'p',  'u',  't',  'C',  'o',  'n',  't',  'e', 
    'x',  't',  'F',  'a',  'c',  't',  'o',  'r', 
    'y',  'I',  'n',  't',  'e',  'r',  'f',  'a', 
    'c',  'e',  '.',  '5',  '.',  '1', 
    // "className"
    0x03,  0x78,  0x21,  'Q',  'F',  'c',  'i',  't', 
    'x',  '5',  'P',  'l',  'a',  't',  'f',  'o', 
    'r',  'm',  'I',  'n',  'p',  'u',  't',  'C', 
    'o',  'n',  't',  'e',  'x',  't',  'P',  'l', 
    'u',  'g',  'i',  'n', 
    // "MetaData"
    0x04,  0xa1,  0x64,  'K',  'e',  'y',  's',  0x82, 
    0x65,  'f',  'c',  'i',  't',  'x',  0x66,  'f', 
    'c',  'i',  't',  'x',  '5', 
    0xff, 
};
QT_MOC_EXPORT_PLUGIN_V2(QFcitx5PlatformInputContextPlugin, QFcitx5PlatformInputContextPlugin, qt_pluginMetaDataV2_QFcitx5PlatformInputContextPlugin)
#else
QT_PLUGIN_METADATA_SECTION
Q_CONSTINIT static constexpr unsigned char qt_pluginMetaData_QFcitx5PlatformInputContextPlugin[] = {
    'Q', 'T', 'M', 'E', 'T', 'A', 'D', 'A', 'T', 'A', ' ', '!',
    // metadata version, Qt version, architectural requirements
    0, QT_VERSION_MAJOR, QT_VERSION_MINOR, qPluginArchRequirements(),
    0xbf, 
    // "IID"
    0x02,  0x78,  0x3b,  'o',  'r',  'g',  '.',  'q', 
    't',  '-',  'p',  'r',  'o',  'j',  'e',  'c', 
    't',  '.',  'Q',  't',  '.',  'Q',  'P',  'l', 
    'a',  't',  'f',  'o',  'r',  'm',  'I',  'n', 
    'p',  'u',  't',  'C',  'o',  'n',  't',  'e', 
    'x',  't',  'F',  'a',  'c',  't',  'o',  'r', 
    'y',  'I',  'n',  't',  'e',  'r',  'f',  'a', 
    'c',  'e',  '.',  '5',  '.',  '1', 
    // "className"
    0x03,  0x78,  0x21,  'Q',  'F',  'c',  'i',  't', 
    'x',  '5',  'P',  'l',  'a',  't',  'f',  'o', 
    'r',  'm',  'I',  'n',  'p',  'u',  't',  'C', 
    'o',  'n',  't',  'e',  'x',  't',  'P',  'l', 
    'u',  'g',  'i',  'n', 
    // "MetaData"
    0x04,  0xa1,  0x64,  'K',  'e',  'y',  's',  0x82, 
    0x65,  'f',  'c',  'i',  't',  'x',  0x66,  'f', 
    'c',  'i',  't',  'x',  '5', 
    0xff, 
};
QT_MOC_EXPORT_PLUGIN(QFcitx5PlatformInputContextPlugin, QFcitx5PlatformInputContextPlugin)
#endif  // QT_MOC_EXPORT_PLUGIN_V2

QT_WARNING_POP
QT_END_MOC_NAMESPACE
