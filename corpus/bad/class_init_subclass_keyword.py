class Base: pass
class C(Base, flavor="mint"): pass
