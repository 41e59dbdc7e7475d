/****************************************************************************
** Meta object code from reading C++ file 'fcitx4inputmethodproxy.h'
**
** Created by: The Qt Meta Object Compiler version 68 (Qt 6.4.2)
**
** WARNING! All changes made in this file will be lost!
*****************************************************************************/

#include <memory>
#include "fcitx4inputmethodproxy.h"
#include <QtCore/qmetatype.h>
#if !defined(Q_MOC_OUTPUT_REVISION)
#error "The header file 'fcitx4inputmethodproxy.h' doesn't include <QObject>."
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
struct qt_meta_stringdata_fcitx__Fcitx4InputMethodProxy_t {
    uint offsetsAndSizes[28];
    char stringdata0[30];
    char stringdata1[11];
    char stringdata2[48];
    char stringdata3[1];
    char stringdata4[8];
    char stringdata5[4];
    char stringdata6[16];
    char stringdata7[6];
    char stringdata8[7];
    char stringdata9[6];
    char stringdata10[8];
    char stringdata11[7];
    char stringdata12[8];
    char stringdata13[7];
};
#define QT_MOC_LITERAL(ofs, len) \
    uint(sizeof(qt_meta_stringdata_fcitx__Fcitx4InputMethodProxy_t::offsetsAndSizes) + ofs), len 
Q_CONSTINIT static const qt_meta_stringdata_fcitx__Fcitx4InputMethodProxy_t qt_meta_stringdata_fcitx__Fcitx4InputMethodProxy = {
    {
        QT_MOC_LITERAL(0, 29),  // "fcitx::Fcitx4InputMethodProxy"
        QT_MOC_LITERAL(30, 10),  // "CreateICv3"
        QT_MOC_LITERAL(41, 47),  // "QDBusPendingReply<int,bool,ui..."
        QT_MOC_LITERAL(89, 0),  // ""
        QT_MOC_LITERAL(90, 7),  // "appname"
        QT_MOC_LITERAL(98, 3),  // "pid"
        QT_MOC_LITERAL(102, 15),  // "QDBusReply<int>"
        QT_MOC_LITERAL(118, 5),  // "bool&"
        QT_MOC_LITERAL(124, 6),  // "enable"
        QT_MOC_LITERAL(131, 5),  // "uint&"
        QT_MOC_LITERAL(137, 7),  // "keyval1"
        QT_MOC_LITERAL(145, 6),  // "state1"
        QT_MOC_LITERAL(152, 7),  // "keyval2"
        QT_MOC_LITERAL(160, 6)   // "state2"
    },
    "fcitx::Fcitx4InputMethodProxy",
    "CreateICv3",
    "QDBusPendingReply<int,bool,uint,uint,uint,uint>",
    "",
    "appname",
    "pid",
    "QDBusReply<int>",
    "bool&",
    "enable",
    "uint&",
    "keyval1",
    "state1",
    "keyval2",
    "state2"
};
#undef QT_MOC_LITERAL
} // unnamed namespace

Q_CONSTINIT static const uint qt_meta_data_fcitx__Fcitx4InputMethodProxy[] = {

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
       1,    2,   26,    3, 0x0a,    1 /* Public */,
       1,    7,   31,    3, 0x0a,    4 /* Public */,

 // slots: parameters
    0x80000000 | 2, QMetaType::QString, QMetaType::Int,    4,    5,
    0x80000000 | 6, QMetaType::QString, QMetaType::Int, 0x80000000 | 7, 0x80000000 | 9, 0x80000000 | 9, 0x80000000 | 9, 0x80000000 | 9,    4,    5,    8,   10,   11,   12,   13,

       0        // eod
};

Q_CONSTINIT const QMetaObject fcitx::Fcitx4InputMethodProxy::staticMetaObject = { {
    QMetaObject::SuperData::link<QDBusAbstractInterface::staticMetaObject>(),
    qt_meta_stringdata_fcitx__Fcitx4InputMethodProxy.offsetsAndSizes,
    qt_meta_data_fcitx__Fcitx4InputMethodProxy,
    qt_static_metacall,
    nullptr,
    qt_incomplete_metaTypeArray<qt_meta_stringdata_fcitx__Fcitx4InputMethodProxy_t,
        // Q_OBJECT / Q_GADGET
        QtPrivate::TypeAndForceComplete<Fcitx4InputMethodProxy, std::true_type>,
        // method 'CreateICv3'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<int,bool,unsigned int,unsigned int,unsigned int,unsigned int>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'CreateICv3'
        QtPrivate::TypeAndForceComplete<QDBusReply<int>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool &, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int &, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int &, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int &, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int &, std::false_type>
    >,
    nullptr
} };

void fcitx::Fcitx4InputMethodProxy::qt_static_metacall(QObject *_o, QMetaObject::Call _c, int _id, void **_a)
{
    if (_c == QMetaObject::InvokeMetaMethod) {
        auto *_t = static_cast<Fcitx4InputMethodProxy *>(_o);
        (void)_t;
        switch (_id) {
        case 0: { QDBusPendingReply<int,bool,uint,uint,uint,uint> _r = _t->CreateICv3((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<int,bool,uint,uint,uint,uint>*>(_a[0]) = std::move(_r); }  break;
        case 1: { QDBusReply<int> _r = _t->CreateICv3((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<bool&>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<uint&>>(_a[4])),(*reinterpret_cast< std::add_pointer_t<uint&>>(_a[5])),(*reinterpret_cast< std::add_pointer_t<uint&>>(_a[6])),(*reinterpret_cast< std::add_pointer_t<uint&>>(_a[7])));
            if (_a[0]) *reinterpret_cast< QDBusReply<int>*>(_a[0]) = std::move(_r); }  break;
        default: ;
        }
    }
}

const QMetaObject *fcitx::Fcitx4InputMethodProxy::metaObject() const
{
    return QObject::d_ptr->metaObject ? QObject::d_ptr->dynamicMetaObject() : &staticMetaObject;
}

void *fcitx::Fcitx4InputMethodProxy::qt_metacast(const char *_clname)
{
    if (!_clname) return nullptr;
    if (!strcmp(_clname, qt_meta_stringdata_fcitx__Fcitx4InputMethodProxy.stringdata0))
        return static_cast<void*>(this);
    return QDBusAbstractInterface::qt_metacast(_clname);
}

int fcitx::Fcitx4InputMethodProxy::qt_metacall(QMetaObject::Call _c, int _id, void **_a)
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
