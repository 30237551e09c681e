class Config:
    __slots__ = ("host", "port")
    port = 8080
