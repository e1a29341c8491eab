import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { Response } from 'express';
import { DomainError } from '@deals/domain';
import { ApiErrors } from '../openapi/api-errors';
import { ApiPublic } from '../openapi/api-operations';
import { Public } from '../request-context/actor.guard';
import { DASHBOARD_CSP, findDashboardDir } from './dashboard-files';

const NOT_BUILT = { 404: ['DASHBOARD.NOT_BUILT', 'ROUTE.NOT_FOUND'] };

/**
 * The built dashboard (apps/web) at /app/. Its files are public: the page asks for a token and
 * sends it on every API call itself. Hashed assets are cached for good, index.html never.
 */
@Public()
@ApiTags('dashboard')
@Controller()
export class DashboardController {
  private dir?: string;

  @Get()
  @ApiPublic()
  @ApiOperation({ summary: 'Redirects to the dashboard at /app/' })
  @ApiResponse({ status: 302, description: 'To `/app/`.', headers: { Location: { schema: { type: 'string', enum: ['/app/'] } } } })
  root(@Res() res: Response): void {
    res.redirect(302, '/app/');
  }

  @Get('app')
  @ApiPublic()
  @ApiOperation({ summary: 'The dashboard page (it asks for a token itself and holds no data)' })
  @ApiResponse({ status: 200, description: 'index.html', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiErrors(NOT_BUILT)
  index(@Res() res: Response): void {
    this.send(res, 'index.html');
  }

  @Get('app/*path')
  @ApiPublic()
  @ApiParam({ name: 'path', description: 'A file of the built dashboard; a path without an extension is the page.', schema: { type: 'string' } })
  @ApiOperation({ summary: 'The dashboard\'s files (hashed assets under assets/ are cached for good)' })
  @ApiResponse({ status: 200, description: 'The file, or index.html.', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(NOT_BUILT)
  file(@Param('path') path: string | string[], @Res() res: Response): void {
    const parts = Array.isArray(path) ? path : path.split('/');
    // Page routes live after the # (the server never sees them); anything else without a file extension is the page too.
    const wanted = parts.join('/');
    this.send(res, wanted === '' || !/\.[a-z0-9]+$/i.test(wanted) ? 'index.html' : wanted);
  }

  private send(res: Response, file: string): void {
    this.dir ??= findDashboardDir();
    if (!this.dir) {
      throw new DomainError('DASHBOARD.NOT_BUILT', 'not_found', 'The dashboard has not been built: run `npm run build` (or `npm run build:web`)');
    }
    const immutable = file.startsWith('assets/');
    res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.sendFile(file, {
      root: this.dir, dotfiles: 'deny', etag: true, lastModified: !immutable,
      headers: { 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' },
    }, (error) => {
      if (error && !res.headersSent) res.status(404).json({ statusCode: 404, error: 'ROUTE.NOT_FOUND', message: `No dashboard file ${file}` });
    });
  }
}
