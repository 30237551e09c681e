# base64.b64decode of data whose last group lacks its padding.
import base64
print(base64.b64decode(b"Zm9vYmE="))
base64.b64decode(b"Zm9vYmE")
