/****************************************************************************
** Meta object code from reading C++ file 'fcitxqtinputmethodproxy.h'
**
** Created by: The Qt Meta Object Compiler version 68 (Qt 6.4.2)
**
** WARNING! All changes made in this file will be lost!
*****************************************************************************/

#include <memory>
#include "fcitxqtinputmethodproxy.h"
#include <QtCore/qmetatype.h>
#if !defined(Q_MOC_OUTPUT_REVISION)
#error "The header file 'fcitxqtinputmethodproxy.h' doesn't include <QObject>."
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
struct qt_meta_stringdata_fcitx__FcitxQtInputMethodProxy_t {
    uint offsetsAndSizes[18];
    char stringdata0[31];
    char stringdata1[19];
    char stringdata2[46];
    char stringdata3[1];
    char stringdata4[26];
    char stringdata5[4];
    char stringdata6[28];
    char stringdata7[12];
    char stringdata8[5];
};
#define QT_MOC_LITERAL(ofs, len) \
    uint(sizeof(qt_meta_stringdata_fcitx__FcitxQtInputMethodProxy_t::offsetsAndSizes) + ofs), len 
Q_CONSTINIT static const qt_meta_stringdata_fcitx__FcitxQtInputMethodProxy_t qt_meta_stringdata_fcitx__FcitxQtInputMethodProxy = {
    {
        QT_MOC_LITERAL(0, 30),  // "fcitx::FcitxQtInputMethodProxy"
        QT_MOC_LITERAL(31, 18),  // "CreateInputContext"
        QT_MOC_LITERAL(50, 45),  // "QDBusPendingReply<QDBusObject..."
        QT_MOC_LITERAL(96, 0),  // ""
        QT_MOC_LITERAL(97, 25),  // "FcitxQtStringKeyValueList"
        QT_MOC_LITERAL(123, 3),  // "in0"
        QT_MOC_LITERAL(127, 27),  // "QDBusReply<QDBusObjectPath>"
        QT_MOC_LITERAL(155, 11),  // "QByteArray&"
        QT_MOC_LITERAL(167, 4)   // "out1"
    },
    "fcitx::FcitxQtInputMethodProxy",
    "CreateInputContext",
    "QDBusPendingReply<QDBusObjectPath,QByteArray>",
    "",
    "FcitxQtStringKeyValueList",
    "in0",
    "QDBusReply<QDBusObjectPath>",
    "QByteArray&",
    "out1"
};
#undef QT_MOC_LITERAL
} // unnamed namespace

Q_CONSTINIT static const uint qt_meta_data_fcitx__FcitxQtInputMethodProxy[] = {

 // content:
      10,       // revision
       0,       // classname
       0,    0, // classinfo
       2,   14, // methods
       0,    0, // properties
       0,    0, // enums/sets
       0,    0, // constructors
       0,       // flags
       0,       // signalCount

 // slots: name, argc, parameters, tag, flags, initial metatype offsets
       1,    1,   26,    3, 0x0a,    1 /* Public */,
       1,    2,   29,    3, 0x0a,    3 /* Public */,

 // slots: parameters
    0x80000000 | 2, 0x80000000 | 4,    5,
    0x80000000 | 6, 0x80000000 | 4, 0x80000000 | 7,    5,    8,

       0        // eod
};

Q_CONSTINIT const QMetaObject fcitx::FcitxQtInputMethodProxy::staticMetaObject = { {
    QMetaObject::SuperData::link<QDBusAbstractInterface::staticMetaObject>(),
    qt_meta_stringdata_fcitx__FcitxQtInputMethodProxy.offsetsAndSizes,
    qt_meta_data_fcitx__FcitxQtInputMethodProxy,
    qt_static_metacall,
    nullptr,
    qt_incomplete_metaTypeArray<qt_meta_stringdata_fcitx__FcitxQtInputMethodProxy_t,
        // Q_OBJECT / Q_GADGET
        QtPrivate::TypeAndForceComplete<FcitxQtInputMethodProxy, std::true_type>,
        // method 'CreateInputContext'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<QDBusObjectPath,QByteArray>, std::false_type>,
        QtPrivate::TypeAndForceComplete<FcitxQtStringKeyValueList, std::false_type>,
        // method 'CreateInputContext'
        QtPrivate::TypeAndForceComplete<QDBusReply<QDBusObjectPath>, std::false_type>,
        QtPrivate::TypeAndForceComplete<FcitxQtStringKeyValueList, std::false_type>,
        QtPrivate::TypeAndForceComplete<QByteArray &, std::false_type>
    >,
    nullptr
} };

void fcitx::FcitxQtInputMethodProxy::qt_static_metacall(QObject *_o, QMetaObject::Call _c, int _id, void **_a)
{
    if (_c == QMetaObject::InvokeMetaMethod) {
        auto *_t = static_cast<FcitxQtInputMethodProxy *>(_o);
        (void)_t;
        switch (_id) {
        case 0: { QDBusPendingReply<QDBusObjectPath,QByteArray> _r = _t->CreateInputContext((*reinterpret_cast< std::add_pointer_t<FcitxQtStringKeyValueList>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<QDBusObjectPath,QByteArray>*>(_a[0]) = std::move(_r); }  break;
        case 1: { QDBusReply<QDBusObjectPath> _r = _t->CreateInputContext((*reinterpret_cast< std::add_pointer_t<FcitxQtStringKeyValueList>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<QByteArray&>>(_a[2])));
            if (_a[0]) *reinterpret_cast< QDBusReply<QDBusObjectPath>*>(_a[0]) = std::move(_r); }  break;
        default: ;
        }
    }
}

const QMetaObject *fcitx::FcitxQtInputMethodProxy::metaObject() const
{
    return QObject::d_ptr->metaObject ? QObject::d_ptr->dynamicMetaObject() : &staticMetaObject;
}

void *fcitx::FcitxQtInputMethodProxy::qt_metacast(const char *_clname)
{
    if (!_clname) return nullptr;
    if (!strcmp(_clname, qt_meta_stringdata_fcitx__FcitxQtInputMethodProxy.stringdata0))
        return static_cast<void*>(this);
    return QDBusAbstractInterface::qt_metacast(_clname);
}

int fcitx::FcitxQtInputMethodProxy::qt_metacall(QMetaObject::Call _c, int _id, void **_a)
{
    _id = QDBusAbstractInterface::qt_metacall(_c, _id, _a);
    if (_id < 0)
        return _id;
    if (_c == QMetaObject::InvokeMetaMethod) {
        if (_id < 2)
            qt_static_metacall(this, _c, _id, _a);
        _id -= 2;
    } else if (_c == QMetaObject::RegisterMethodArgumentMetaType) {
        if (_id < 2)
            *reinterpret_cast<QMetaType *>(_a[0]) = QMetaType();
        _id -= 2;
    }
    return _id;
}
QT_WARNING_POP
QT_END_MOC_NAMESPACE
