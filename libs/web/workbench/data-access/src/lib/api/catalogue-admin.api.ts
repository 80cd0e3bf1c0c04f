import { HttpClient, HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateItemRequest,
  CreateMaterialRequest,
  DepartmentView,
  ItemDetailView,
  ItemGuide,
  ItemPage,
  ItemStatusRequest,
  MaterialView,
  ProcedureDraftView,
  ProcedureStepsRequest,
  ProcedureVersionView,
  SampleDocumentView,
  SlaLintResultView,
  UpdateItemRequest,
  UpdateMaterialRequest,
} from '@zhengwu/shared/contracts';
import { Observable } from 'rxjs';
import { centrePath, queryOf } from './centre-path';

export interface ManagedItemsQuery {
  q?: string;
  department?: string;
  page: number;
  pageSize: number;
}

/**
 * The catalogue: the public service guide of an item (its requirements, samples and procedure, used
 * at pre-review) and the centre admin's editing of items, materials, sample documents and
 * procedure versions.
 */
@Injectable({ providedIn: 'root' })
export class CatalogueApi {
  private readonly http = inject(HttpClient);

  /** The published service guide (public). */
  guide(centreCode: string, itemId: string): Observable<ItemGuide> {
    return this.http.get<ItemGuide>(`${centrePath(centreCode)}/items/${encodeURIComponent(itemId)}`);
  }

  /** Published items of the centre (public search), for filters. */
  publishedItems(centreCode: string, pageSize = 100): Observable<ItemPage> {
    return this.http.get<ItemPage>(`${centrePath(centreCode)}/items`, { params: queryOf({ page: 1, pageSize }) });
  }

  /** A sample document (示范文本) as a blob to show in the page. */
  sampleDocument(centreCode: string, sampleDocumentId: string): Observable<Blob> {
    return this.http.get(`${centrePath(centreCode)}/sample-documents/${encodeURIComponent(sampleDocumentId)}`, { responseType: 'blob' });
  }

  sampleDocuments(centreCode: string): Observable<SampleDocumentView[]> {
    return this.http.get<SampleDocumentView[]>(`${centrePath(centreCode)}/sample-documents`);
  }

  /** Multipart upload (field `file`) with progress events. */
  uploadSampleDocument(centreCode: string, file: File): Observable<HttpEvent<SampleDocumentView>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<SampleDocumentView>(`${centrePath(centreCode)}/sample-documents`, body, {
      reportProgress: true,
      observe: 'events',
    });
  }

  departments(centreCode: string): Observable<DepartmentView[]> {
    return this.http.get<DepartmentView[]>(`${centrePath(centreCode)}/departments`);
  }

  items(centreCode: string, query: ManagedItemsQuery): Observable<ItemPage> {
    return this.http.get<ItemPage>(`${centrePath(centreCode)}/manage/items`, {
      params: queryOf({ q: query.q?.trim(), department: query.department, page: query.page, pageSize: query.pageSize }),
    });
  }

  item(centreCode: string, itemId: string): Observable<ItemDetailView> {
    return this.http.get<ItemDetailView>(`${centrePath(centreCode)}/manage/items/${encodeURIComponent(itemId)}`);
  }

  createItem(centreCode: string, request: CreateItemRequest): Observable<ItemDetailView> {
    return this.http.post<ItemDetailView>(`${centrePath(centreCode)}/items`, request);
  }

  updateItem(centreCode: string, itemId: string, request: UpdateItemRequest): Observable<ItemDetailView> {
    return this.http.put<ItemDetailView>(`${centrePath(centreCode)}/items/${encodeURIComponent(itemId)}`, request);
  }

  setItemStatus(centreCode: string, itemId: string, request: ItemStatusRequest): Observable<ItemDetailView> {
    return this.http.put<ItemDetailView>(`${centrePath(centreCode)}/items/${encodeURIComponent(itemId)}/status`, request);
  }

  createMaterial(centreCode: string, itemId: string, request: CreateMaterialRequest): Observable<MaterialView> {
    return this.http.post<MaterialView>(`${centrePath(centreCode)}/items/${encodeURIComponent(itemId)}/materials`, request);
  }

  updateMaterial(centreCode: string, itemId: string, materialId: string, request: UpdateMaterialRequest): Observable<MaterialView> {
    return this.http.put<MaterialView>(
      `${centrePath(centreCode)}/items/${encodeURIComponent(itemId)}/materials/${encodeURIComponent(materialId)}`,
      request,
    );
  }

  createProcedureDraft(centreCode: string, itemId: string, request: ProcedureStepsRequest): Observable<ProcedureDraftView> {
    return this.http.post<ProcedureDraftView>(`${centrePath(centreCode)}/items/${encodeURIComponent(itemId)}/procedure-versions`, request);
  }

  procedureVersion(centreCode: string, versionId: string): Observable<ProcedureDraftView> {
    return this.http.get<ProcedureDraftView>(this.versionPath(centreCode, versionId));
  }

  replaceSteps(centreCode: string, versionId: string, request: ProcedureStepsRequest): Observable<ProcedureDraftView> {
    return this.http.put<ProcedureDraftView>(`${this.versionPath(centreCode, versionId)}/steps`, request);
  }

  lint(centreCode: string, versionId: string): Observable<SlaLintResultView> {
    return this.http.post<SlaLintResultView>(`${this.versionPath(centreCode, versionId)}/lint`, {});
  }

  publish(centreCode: string, versionId: string): Observable<ProcedureVersionView> {
    return this.http.post<ProcedureVersionView>(`${this.versionPath(centreCode, versionId)}/publish`, {});
  }

  private versionPath(centreCode: string, versionId: string): string {
    return `${centrePath(centreCode)}/procedure-versions/${encodeURIComponent(versionId)}`;
  }
}
