'use strict';
// Bare Node serving one body with the headers it was served with: the ceiling of this machine
// for a response of that size.
const http = require('http');
const fs = require('fs');

const [file, type] = process.argv.slice(2);
const body = fs.readFileSync(file);
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
